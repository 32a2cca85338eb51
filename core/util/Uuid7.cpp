#include "util/Uuid7.h"

#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace tambo::core {

QString makeUuid7(const QDateTime &now)
{
    const quint64 ms = quint64(now.toMSecsSinceEpoch());
    std::array<quint32, 3> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());

    QByteArray bytes(16, '\0');
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(quint8(ms >> (8 * (5 - i))));
    for (int i = 0; i < 10; ++i)
        bytes[6 + i] = char(quint8(random[size_t(i / 4)] >> (8 * (i % 4))));
    bytes[6] = char((quint8(bytes[6]) & 0x0f) | 0x70); // version 7
    bytes[8] = char((quint8(bytes[8]) & 0x3f) | 0x80); // variant 10xx
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

} // namespace tambo::core
