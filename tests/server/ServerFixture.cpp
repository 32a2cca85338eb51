#include "ServerFixture.h"

#include "ServerProcess.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tambo::test {

ServerFixture::ServerFixture() = default;
ServerFixture::~ServerFixture() = default;

bool ServerFixture::setUp(QString *error)
{
    if (!m_dir.isValid()) {
        *error = m_dir.errorString();
        return false;
    }
    if (qEnvironmentVariable("TAMBO_KEEP_TEST_DIRS") == QLatin1String("1")) {
        m_dir.setAutoRemove(false); // configs and server logs stay for a post-mortem
        qInfo("ServerFixture: keeping %s", qPrintable(m_dir.path()));
    }
    m_pg = std::make_unique<PostgresLauncher>();
    if (!m_pg->isValid()) {
        *error = m_pg->error();
        return false;
    }
    m_cert = std::make_unique<TestCertificate>(m_dir.path());
    if (!m_cert->isValid()) {
        *error = m_cert->error();
        return false;
    }
    m_config = ServerProcess::writeConfig(m_dir.path(),
                                          QStringLiteral("server.ini"),
                                          *m_pg,
                                          m_pg->databaseName(),
                                          m_cert.get());
    if (m_config.isEmpty()) {
        *error = QStringLiteral("cannot write the configuration file");
        return false;
    }
    const ServerProcess::Run migrated = ServerProcess::run(
        {QStringLiteral("--config"), m_config, QStringLiteral("--migrate")});
    m_migrateOutput = migrated.out;
    if (migrated.exitCode != 0) {
        *error = QStringLiteral("tambo-server --migrate failed (%1): %2 %3")
                     .arg(migrated.exitCode)
                     .arg(migrated.out, migrated.err);
        return false;
    }
    return true;
}

bool ServerFixture::createUser(const QString &username,
                               const QString &role,
                               const QString &sede,
                               const QString &password,
                               QString *error)
{
    QStringList args{QStringLiteral("--config"),
                     m_config,
                     QStringLiteral("--create-user"),
                     username,
                     QStringLiteral("--role"),
                     role};
    if (!sede.isEmpty())
        args << QStringLiteral("--sede") << sede;
    const ServerProcess::Run r = ServerProcess::run(args, password.toUtf8() + '\n');
    if (r.exitCode != 0) {
        *error = QStringLiteral("--create-user %1 failed (%2): %3 %4")
                     .arg(username)
                     .arg(r.exitCode)
                     .arg(r.out, r.err);
        return false;
    }
    return true;
}

bool ServerFixture::exec(const QString &sql, QString *error)
{
    const QString connection = QStringLiteral("server-fixture-exec");
    bool ok = false;
    {
        QSqlDatabase db = m_pg->open(connection);
        QSqlQuery q(db);
        ok = db.isOpen() && q.exec(sql);
        if (!ok && error)
            *error = q.lastError().text() + db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace tambo::test
