#pragma once

#include <QString>
#include <QStringList>

namespace tambo::server {

// The address a request comes from, as login throttling and the logs count it.
//
// X-Forwarded-For is written by whoever sends the request, so it is believed only when the TCP
// peer is one of the configured reverse proxies ([server] trusted_proxy). Then the header is
// read from the right (the entry the proxy itself appended) and the first address that is not
// a trusted proxy is the client; anything further left was written by the client and is
// ignored. From any other peer, or with a missing or malformed header, the peer is the client.
// Addresses come back in QHostAddress's normal form (IPv4-mapped IPv6 as IPv4).
class ClientAddress
{
public:
    static QString resolve(const QString &peer,
                           const QString &forwardedFor,
                           const QStringList &trustedProxies);

    // The key of the per-address login throttle: an IPv4 address as is, an IPv6 address by its
    // /64 (one subscriber's whole prefix, which a client can rotate through at will).
    static QString throttleKey(const QString &address);

    // address in normal form, or empty when it is not an IP address.
    static QString normalized(const QString &address);
};

} // namespace tambo::server
