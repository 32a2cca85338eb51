#include "ClientAddress.h"

#include <QHostAddress>

namespace tambo::server {

QString ClientAddress::normalized(const QString &address)
{
    QHostAddress a(address.trimmed());
    if (a.isNull())
        return {};
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d
    if (isV4)
        a = QHostAddress(v4);
    return a.toString();
}

QString ClientAddress::resolve(const QString &peer,
                               const QString &forwardedFor,
                               const QStringList &trustedProxies)
{
    const QString from = normalized(peer);
    const auto trusted = [&](const QString &address) {
        for (const QString &proxy : trustedProxies) {
            if (normalized(proxy) == address)
                return true;
        }
        return false;
    };
    if (from.isEmpty() || !trusted(from) || forwardedFor.trimmed().isEmpty())
        return from.isEmpty() ? peer.left(64) : from;

    const QStringList hops = forwardedFor.split(QLatin1Char(','));
    QString client = from;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QString hop = normalized(hops.at(i));
        if (hop.isEmpty())
            break; // not written by a proxy we trust: stop at the last good hop
        client = hop;
        if (!trusted(hop))
            break;
    }
    return client;
}

QString ClientAddress::throttleKey(const QString &address)
{
    const QHostAddress a(address);
    if (a.isNull() || a.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    Q_IPV6ADDR bytes = a.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

} // namespace tambo::server
