#pragma once

#include "PostgresLauncher.h"
#include "TestCertificate.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tambo::test {

// What every tambo-server process test needs, made once per test class: a PostgreSQL cluster,
// a TLS certificate for 127.0.0.1, a configuration file for database "tambo", and the schema
// migrated through `tambo-server --migrate` (the operator's path).
class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    // Fills *error (and returns false) when anything is missing.
    bool setUp(QString *error);

    // True when setUp() failed because PostgreSQL could not be started.
    bool postgresFailed() const { return !m_pg || !m_pg->isValid(); }
    PostgresLauncher &pg() { return *m_pg; }
    const TestCertificate &certificate() const { return *m_cert; }
    QString dir() const { return m_dir.path(); }
    QString configPath() const { return m_config; }
    QString migrateOutput() const { return m_migrateOutput; }

    // `tambo-server --create-user` with the password on standard input.
    bool createUser(const QString &username,
                    const QString &role,
                    const QString &sede,
                    const QString &password,
                    QString *error);
    // Runs SQL on database "tambo" (test set-up such as disabling a user).
    bool exec(const QString &sql, QString *error = nullptr);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<TestCertificate> m_cert;
    QString m_config;
    QString m_migrateOutput;
};

} // namespace tambo::test

// In initTestCase(): sets the fixture up or fails the class; a missing PostgreSQL skips it
// instead only when TAMBO_SKIP_POSTGRES=1.
#define TAMBO_SETUP_SERVER_FIXTURE(fixture) \
    do { \
        QString setupError_; \
        if (!(fixture).setUp(&setupError_)) { \
            if ((fixture).postgresFailed() && tambo::test::PostgresLauncher::skipRequested()) \
                QSKIP(qPrintable(QStringLiteral("TAMBO_SKIP_POSTGRES=1: ") + setupError_)); \
            QFAIL(qPrintable(setupError_)); \
        } \
    } while (false)
