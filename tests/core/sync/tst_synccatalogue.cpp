// SyncCatalogue: the rule catalogue tambo-server checks pushes against, built from core's and
// the modules' declarations; refuses declarations that would let data steer the server.
#include "auth/Permission.h"
#include "auth/Roles.h"
#include "sync/SyncCatalogue.h"
#include "sync/SyncSchema.h"

#include <QTest>

using tambo::core::ModuleDeclarations;
using tambo::core::PermissionDef;
using tambo::core::SyncCatalogue;
using tambo::core::SyncedTable;

namespace {

const QString Write = QStringLiteral("m.write");
const QString Approve = QStringLiteral("m.approve");

ModuleDeclarations module(QList<SyncedTable> tables)
{
    return {QStringLiteral("m"),
            {{Write, QStringLiteral("write"), {QStringLiteral("patrimonio_inventariador")}},
             {Approve, QStringLiteral("approve"), {QStringLiteral("patrimonio_jefe")}}},
            std::move(tables)};
}

SyncedTable table(const QString &name,
                  SyncedTable::Kind kind = SyncedTable::Kind::Mutable,
                  const QString &parent = {})
{
    SyncedTable t;
    t.table = name;
    t.kind = kind;
    if (parent.isEmpty()) {
        t.scopeColumns = {QStringLiteral("sede_id"), QStringLiteral("area_id")};
    } else {
        t.scopeParentTable = parent;
        t.scopeParentColumn = QStringLiteral("parent_id");
    }
    t.writers.insert = {Write};
    if (kind == SyncedTable::Kind::Mutable) {
        t.writers.update = {Write};
        t.writers.move = {Approve};
    }
    return t;
}

} // namespace

class TestSyncCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void holdsCoreAndModuleTablesWithTheirWriters()
    {
        QString error;
        const auto c = SyncCatalogue::build({module(
                                                {table("a"),
                                                 table("b", SyncedTable::Kind::AppendOnly, "a")})},
                                            &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->tableNames(),
                 (QStringList{"a",
                              "b",
                              QString::fromLatin1(tambo::core::SyncSchema::ResolutionsTable)}));
        using Op = SyncCatalogue::Operation;
        const QString inventariador = QStringLiteral("patrimonio_inventariador");
        const QString jefe = QStringLiteral("patrimonio_jefe");
        QVERIFY(c->allows(inventariador, "a", Op::Insert));
        QVERIFY(c->allows(inventariador, "a", Op::Update));
        QVERIFY(!c->allows(inventariador, "a", Op::Delete)); // nobody declared
        QVERIFY(!c->allows(inventariador, "a", Op::ScopeMove));
        QVERIFY(c->allows(jefe, "a", Op::ScopeMove));
        QVERIFY(!c->allows(jefe, "a", Op::Insert));
        QVERIFY(!c->allows(QStringLiteral("comite_pgd"), "a", Op::Insert));
        // Append-only: inserts only, whatever else is declared.
        QVERIFY(c->allows(inventariador, "b", Op::Insert));
        QVERIFY(!c->allows(inventariador, "b", Op::Update));
        QVERIFY(!c->allows(inventariador, "b", Op::Delete));
        // Unknown tables allow nothing.
        QVERIFY(!c->allows(inventariador, "zz", Op::Insert));
        // The conflict resolver writes mutable tables ("keep mine"), never append-only ones.
        const QString admin = QString::fromLatin1(tambo::core::Roles::AdminOtic);
        QVERIFY(c->allows(admin, "a", Op::Insert));
        QVERIFY(c->allows(admin, "a", Op::Update));
        QVERIFY(!c->allows(admin, "a", Op::Delete));
        QVERIFY(!c->allows(admin, "b", Op::Insert));
        QVERIFY(c->allows(admin,
                          QString::fromLatin1(tambo::core::SyncSchema::ResolutionsTable),
                          Op::Insert));
        QVERIFY(!c->allows(inventariador,
                           QString::fromLatin1(tambo::core::SyncSchema::ResolutionsTable),
                           Op::Insert));
        // Scope parents and their depth.
        QCOMPARE(c->scopeChildren("a").size(), 1);
        QCOMPARE(c->scopeChildren("a").at(0)->table, QStringLiteral("b"));
        QCOMPARE(c->scopeDepth(), 1);
        QVERIFY(c->permissionsOf(jefe).contains(Approve));
        QVERIFY(c->roles().contains(admin));
    }

    void refusesDeclarationsThatWouldLetDataSteerTheServer_data()
    {
        QTest::addColumn<QList<SyncedTable>>("tables");
        QTest::addColumn<QString>("problem");
        QTest::addRow("declared twice") << QList<SyncedTable>{table("a"), table("a")} << "twice";
        QTest::addRow("parent not synced")
            << QList<SyncedTable>{table("b", SyncedTable::Kind::AppendOnly, "nowhere")}
            << "not a synced table";
        QTest::addRow("parent loop")
            << QList<SyncedTable>{table("a", SyncedTable::Kind::Mutable, "b"),
                                  table("b", SyncedTable::Kind::Mutable, "a")}
            << "loop";
        QTest::addRow("own parent")
            << QList<SyncedTable>{table("a", SyncedTable::Kind::Mutable, "a")} << "loop";
        SyncedTable half = table("c");
        half.scopeParentTable = "a";
        QTest::addRow("parent without column") << QList<SyncedTable>{table("a"), half} << "both";
        SyncedTable unknownPermission = table("d");
        unknownPermission.writers.remove = {QStringLiteral("m.nobody")};
        QTest::addRow("undeclared permission")
            << QList<SyncedTable>{unknownPermission} << "m.nobody";
        SyncedTable guarded = table("e");
        guarded.guardedColumns.insert("valor", {QStringLiteral("m.nobody")});
        QTest::addRow("undeclared guard") << QList<SyncedTable>{guarded} << "m.nobody";
        SyncedTable appendOnly = table("f", SyncedTable::Kind::AppendOnly);
        appendOnly.writers.update = {Write};
        QTest::addRow("append-only with update writers")
            << QList<SyncedTable>{appendOnly} << "append-only";
        QTest::addRow("core's own table again") << QList<SyncedTable>{table(
            QString::fromLatin1(tambo::core::SyncSchema::ResolutionsTable))}
                                                << "twice";
    }
    void refusesDeclarationsThatWouldLetDataSteerTheServer()
    {
        QFETCH(QList<SyncedTable>, tables);
        QFETCH(QString, problem);
        QString error;
        QVERIFY(!SyncCatalogue::build({module(tables)}, &error));
        QVERIFY2(error.contains(problem), qPrintable(error));
    }

    void refusesAPermissionForAnUnknownRole()
    {
        ModuleDeclarations m = module({table("a")});
        m.permissions.append(
            PermissionDef{QStringLiteral("m.x"), QStringLiteral("x"), {QStringLiteral("hacker")}});
        QString error;
        QVERIFY(!SyncCatalogue::build({m}, &error));
        QVERIFY2(error.contains("hacker"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSyncCatalogue)
#include "tst_synccatalogue.moc"
