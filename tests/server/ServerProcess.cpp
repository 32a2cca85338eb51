#include "ServerProcess.h"

#include "PostgresLauncher.h"
#include "TestCertificate.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

namespace tambo::test {

QString ServerProcess::program()
{
    return QStringLiteral(TAMBO_SERVER_EXE);
}

ServerProcess::Run ServerProcess::run(const QStringList &args,
                                      const QByteArray &input,
                                      int timeoutMs)
{
    Run r;
    QProcess proc;
    proc.start(program(), args);
    if (!proc.waitForStarted(10000)) {
        r.err = proc.errorString();
        return r;
    }
    if (!input.isEmpty())
        proc.write(input);
    proc.closeWriteChannel();
    r.finished = proc.waitForFinished(timeoutMs);
    if (!r.finished) {
        proc.kill();
        proc.waitForFinished(5000);
    }
    r.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    r.out = QString::fromUtf8(proc.readAllStandardOutput());
    r.err = QString::fromUtf8(proc.readAllStandardError());
    return r;
}

QString ServerProcess::writeConfig(const QString &dir,
                                   const QString &fileName,
                                   const PostgresLauncher &pg,
                                   const QString &database,
                                   const TestCertificate *cert,
                                   int workers,
                                   const QString &extra)
{
    const QString path = QDir(dir).filePath(fileName);
    QString text = QStringLiteral("# written by tambo::test::ServerProcess\n"
                                  "[server]\n"
                                  "address = 127.0.0.1\n"
                                  "port = 0\n"
                                  "workers = %1\n")
                       .arg(workers);
    if (cert) {
        text += QStringLiteral("tls = true\ncertificate = %1\nprivate_key = %2\n")
                    .arg(cert->certificatePath(), cert->privateKeyPath());
    } else {
        text += QStringLiteral("tls = false\n");
    }
    text += QStringLiteral(
                "[database]\nhost = %1\nport = %2\nname = %3\nuser = %4\npassword = %5\n")
                .arg(pg.host())
                .arg(pg.port())
                .arg(database, pg.user(), pg.password());
    text += extra;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(text.toUtf8());
    return path;
}

ServerProcess::ServerProcess(QString logPath)
    : m_logPath(std::move(logPath))
{}

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool ServerProcess::start(const QString &configPath, QString *error, int timeoutMs)
{
    QFile::remove(m_logPath);
    m_process.setStandardErrorFile(m_logPath);
    m_process.setStandardOutputFile(m_logPath + QStringLiteral(".out"));
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.start(program(), {QStringLiteral("--config"), configPath});
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program(), m_process.errorString());
        return false;
    }
    const bool ready = QTest::qWaitFor(
        [this] {
            if (!isRunning())
                return true;
            const QList<QJsonObject> listening = logLines(QStringLiteral("listening"));
            if (listening.isEmpty())
                return false;
            m_port = listening.constFirst().value(QStringLiteral("port")).toInt();
            return true;
        },
        timeoutMs);
    if (!ready || m_port <= 0) {
        *error = QStringLiteral("tambo-server did not start listening (%1). Log:\n%2")
                     .arg(isRunning() ? QStringLiteral("timed out")
                                      : QStringLiteral("exited with %1").arg(m_process.exitCode()),
                          logText());
        return false;
    }
    return true;
}

void ServerProcess::signal(int signo)
{
    const qint64 p = pid();
    if (p > 0)
        ::kill(pid_t(p), signo);
}

bool ServerProcess::waitForExit(int timeoutMs)
{
    return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
}

QString ServerProcess::logText() const
{
    QFile f(m_logPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool ServerProcess::hasSanitizerReport() const
{
    const QString log = logText();
    return log.contains(QLatin1String("ERROR: AddressSanitizer"))
           || log.contains(QLatin1String("ERROR: LeakSanitizer"))
           || log.contains(QLatin1String("runtime error:"));
}

QList<QJsonObject> ServerProcess::logLines() const
{
    QList<QJsonObject> lines;
    QFile f(m_logPath);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (!line.endsWith('\n'))
            break; // still being written
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            lines.append(doc.object());
    }
    return lines;
}

QList<QJsonObject> ServerProcess::logLines(const QString &msg) const
{
    QList<QJsonObject> matching;
    for (const QJsonObject &o : logLines()) {
        if (o.value(QStringLiteral("msg")).toString() == msg)
            matching.append(o);
    }
    return matching;
}

} // namespace tambo::test
