#pragma once

#include <QString>

namespace tambo::test {

// A self-signed TLS certificate for 127.0.0.1 / localhost made with the openssl command (like
// tambo.sh's devcert): cert.pem and key.pem in dir. Tests trust exactly this certificate, so
// certificate verification stays on.
class TestCertificate
{
public:
    explicit TestCertificate(const QString &dir, const QString &name = QStringLiteral("server"));

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString certificatePath() const { return m_cert; }
    QString privateKeyPath() const { return m_key; }

private:
    QString m_cert;
    QString m_key;
    QString m_error;
};

} // namespace tambo::test
