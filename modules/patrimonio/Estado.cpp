#include "Estado.h"

namespace tambo::patrimonio {

QList<Estado> Estados::all()
{
    return {Estado::Nuevo,
            Estado::Bueno,
            Estado::Regular,
            Estado::Malo,
            Estado::Raee,
            Estado::Chatarra};
}

std::optional<Estado> Estados::fromCode(QChar code)
{
    switch (code.toUpper().unicode()) {
    case u'N':
        return Estado::Nuevo;
    case u'B':
        return Estado::Bueno;
    case u'R':
        return Estado::Regular;
    case u'M':
        return Estado::Malo;
    case u'X':
        return Estado::Raee;
    case u'Y':
        return Estado::Chatarra;
    default:
        return std::nullopt;
    }
}

std::optional<Estado> Estados::fromCode(const QString &code)
{
    const QString trimmed = code.trimmed();
    if (trimmed.size() != 1)
        return std::nullopt;
    return fromCode(trimmed.at(0));
}

QString Estados::title(Estado estado)
{
    switch (estado) {
    case Estado::Nuevo:
        return tr("New");
    case Estado::Bueno:
        return tr("Good");
    case Estado::Regular:
        return tr("Fair");
    case Estado::Malo:
        return tr("Poor");
    case Estado::Raee:
        return tr("WEEE (RAEE)");
    case Estado::Chatarra:
        return tr("Scrap");
    }
    return {};
}

QString Estados::situacionKey(Situacion situacion)
{
    return situacion == Situacion::Uso ? QStringLiteral("uso") : QStringLiteral("desuso");
}

std::optional<Situacion> Estados::situacionFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("uso") || k == QLatin1String("u"))
        return Situacion::Uso;
    if (k == QLatin1String("desuso") || k == QLatin1String("d"))
        return Situacion::Desuso;
    return std::nullopt;
}

QString Estados::situacionTitle(Situacion situacion)
{
    return situacion == Situacion::Uso ? tr("In use") : tr("Not in use");
}

} // namespace tambo::patrimonio
