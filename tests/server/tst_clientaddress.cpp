// ClientAddress: X-Forwarded-For believed only from a trusted proxy, read from the right.
#include "ClientAddress.h"

#include <QtTest>

using tambo::server::ClientAddress;

class TestClientAddress : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("forwardedFor");
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("client");
        const QStringList proxy{QStringLiteral("10.20.0.5")};
        const QStringList twoProxies{QStringLiteral("10.20.0.5"), QStringLiteral("10.20.0.6")};

        QTest::addRow("no proxy configured: the header is ignored")
            << "192.0.2.10"
            << "203.0.113.7" << QStringList() << "192.0.2.10";
        QTest::addRow("not from the proxy: the header is ignored")
            << "192.0.2.10"
            << "203.0.113.7" << proxy << "192.0.2.10";
        QTest::addRow("from the proxy") << "10.20.0.5"
                                        << "203.0.113.7" << proxy << "203.0.113.7";
        QTest::addRow("from the proxy, spoofed entries on the left")
            << "10.20.0.5"
            << "1.2.3.4, 5.6.7.8,203.0.113.7" << proxy << "203.0.113.7";
        QTest::addRow("chain of trusted proxies")
            << "10.20.0.5"
            << "203.0.113.7, 10.20.0.6" << twoProxies << "203.0.113.7";
        QTest::addRow("from the proxy without the header") << "10.20.0.5"
                                                           << "" << proxy << "10.20.0.5";
        QTest::addRow("from the proxy, garbage appended")
            << "10.20.0.5"
            << "203.0.113.7, not-an-ip" << proxy << "10.20.0.5";
        QTest::addRow("IPv4-mapped peer") << "::ffff:10.20.0.5"
                                          << "203.0.113.7" << proxy << "203.0.113.7";
        QTest::addRow("IPv6 client through the proxy") << "10.20.0.5"
                                                       << "2001:DB8::1" << proxy << "2001:db8::1";
        QTest::addRow("IPv4-mapped client") << "::ffff:192.0.2.1"
                                            << "" << QStringList() << "192.0.2.1";
    }

    void resolve()
    {
        QFETCH(QString, peer);
        QFETCH(QString, forwardedFor);
        QFETCH(QStringList, trusted);
        QFETCH(QString, client);
        QCOMPARE(ClientAddress::resolve(peer, forwardedFor, trusted), client);
    }

    void throttleKeys()
    {
        QCOMPARE(ClientAddress::throttleKey(QStringLiteral("203.0.113.7")),
                 QStringLiteral("203.0.113.7"));
        // One IPv6 subscriber has a whole /64 to rotate through: counted as one.
        QCOMPARE(ClientAddress::throttleKey(QStringLiteral("2001:db8:1:2:aaaa::1")),
                 QStringLiteral("2001:db8:1:2::/64"));
        QCOMPARE(ClientAddress::throttleKey(QStringLiteral("2001:db8:1:2:bbbb::9")),
                 QStringLiteral("2001:db8:1:2::/64"));
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
