#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace tambo::test {

class PostgresLauncher;
class TestCertificate;

// A real tambo-server process for integration tests (GUIDE §2.8 "server launcher").
// Its stderr (the JSON log) goes to a file, never to a pipe, so a chatty server can never block
// on a test that is busy in a synchronous HTTP call. start() waits for the "listening" log line
// and reads the port from it (the config uses port 0: no port races).
class ServerProcess
{
public:
    // The tambo-server built next to the tests.
    static QString program();

    struct Run
    {
        bool finished = false;
        int exitCode = -1;
        QString out;
        QString err;
    };
    // tambo-server with args (and standard input), to its end.
    static Run run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000);

    // An INI configuration in dir for database `database` of pg; TLS with cert, or tls=false
    // when cert is null. extra is appended verbatim (more sections).
    static QString writeConfig(const QString &dir,
                               const QString &fileName,
                               const PostgresLauncher &pg,
                               const QString &database,
                               const TestCertificate *cert,
                               int workers = 2,
                               const QString &extra = {});

    explicit ServerProcess(QString logPath);
    ~ServerProcess(); // SIGKILL when still running
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    bool start(const QString &configPath, QString *error, int timeoutMs = 60000);
    int port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    void signal(int signo); // e.g. SIGTERM, SIGINT
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

    QString logText() const;
    // True when ASan/UBSan/LSan wrote a report into the log (ci preset); tests check it.
    bool hasSanitizerReport() const;
    QList<QJsonObject> logLines() const; // every line that is a JSON object
    // Log lines whose "msg" is msg.
    QList<QJsonObject> logLines(const QString &msg) const;

private:
    QString m_logPath;
    QProcess m_process;
    int m_port = 0;
};

} // namespace tambo::test
