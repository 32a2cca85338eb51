#include "InventoryPlace.h"

#include <QCryptographicHash>

namespace tambo::patrimonio {

QString InventoryPlace::normalizedAmbiente(const QString &ambiente)
{
    return ambiente.simplified().toUpper();
}

QString InventoryPlace::key() const
{
    return sedeId.trimmed() + u'|' + areaId.trimmed() + u'|' + normalizedAmbiente(ambiente);
}

QString InventoryPlace::code() const
{
    const QByteArray hash = QCryptographicHash::hash(key().toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("AMB-") + QString::fromLatin1(hash.left(4).toHex().toUpper());
}

bool InventoryPlace::isAmbienteCode(const QString &text)
{
    const QString code = normalizedCode(text);
    if (code.size() != 12 || !code.startsWith(QLatin1String("AMB-")))
        return false;
    for (int i = 4; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (!((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

} // namespace tambo::patrimonio
