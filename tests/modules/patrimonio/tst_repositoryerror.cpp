#include "PatrimonioPermissions.h"
#include "RepositoryError.h"

#include "auth/Session.h"

#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;

class TestRepositoryError : public QObject
{
    Q_OBJECT

private slots:
    void failSetsTheCallersErrorAndReturnsFalse();
    void failWithoutAnErrorToFill();
    void deniedNamesWhatAndWhichPermission();
    void allowedSaysNothing();
};

void TestRepositoryError::failSetsTheCallersErrorAndReturnsFalse()
{
    QString error = QStringLiteral("before");
    const RepositoryError fail(&error);
    QCOMPARE(fail(QStringLiteral("No se pudo guardar el bien.")), false);
    QCOMPARE(error, QStringLiteral("No se pudo guardar el bien."));
}

void TestRepositoryError::failWithoutAnErrorToFill()
{
    const RepositoryError fail(nullptr);
    QCOMPARE(fail(QStringLiteral("nadie lo lee")), false);
}

void TestRepositoryError::deniedNamesWhatAndWhichPermission()
{
    core::Session clerk;
    clerk.permissions = {QString::fromLatin1(Permissions::View)};
    QString error;
    QVERIFY(
        RepositoryError::denied(clerk, Permissions::Edit, QStringLiteral("edit assets"), &error));
    QVERIFY2(error.contains(QStringLiteral("edit assets")), qPrintable(error));
    QVERIFY2(error.contains(QString::fromLatin1(Permissions::Edit)), qPrintable(error));
    QVERIFY(RepositoryError::denied(clerk, Permissions::Edit, QStringLiteral("edit"), nullptr));
}

void TestRepositoryError::allowedSaysNothing()
{
    core::Session jefe;
    jefe.permissions = {QString::fromLatin1(Permissions::Approve)};
    QString error = QStringLiteral("untouched");
    QVERIFY(!RepositoryError::denied(jefe, Permissions::Approve, QStringLiteral("approve"), &error));
    QCOMPARE(error, QStringLiteral("untouched"));
}

QTEST_GUILESS_MAIN(TestRepositoryError)
#include "tst_repositoryerror.moc"
