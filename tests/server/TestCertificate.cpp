#include "TestCertificate.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace tambo::test {

TestCertificate::TestCertificate(const QString &dir, const QString &name)
    : m_cert(QDir(dir).filePath(name + QStringLiteral("-cert.pem")))
    , m_key(QDir(dir).filePath(name + QStringLiteral("-key.pem")))
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        m_error = QStringLiteral("the openssl command is missing (apt-get install openssl)");
        return;
    }
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.start(openssl,
               {QStringLiteral("req"),
                QStringLiteral("-x509"),
                QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"),
                QStringLiteral("-keyout"),
                m_key,
                QStringLiteral("-out"),
                m_cert,
                QStringLiteral("-days"),
                QStringLiteral("2"),
                QStringLiteral("-subj"),
                QStringLiteral("/CN=localhost/O=Tambo tests"),
                QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    if (!proc.waitForFinished(60000) || proc.exitStatus() != QProcess::NormalExit
        || proc.exitCode() != 0) {
        m_error = QStringLiteral("openssl req failed: %1")
                      .arg(QString::fromLocal8Bit(proc.readAll()));
        return;
    }
    if (!QFileInfo::exists(m_cert) || !QFileInfo::exists(m_key))
        m_error = QStringLiteral("openssl did not write %1 and %2").arg(m_cert, m_key);
}

} // namespace tambo::test
