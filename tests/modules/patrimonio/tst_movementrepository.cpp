#include "PatrimonioFixture.h"

#include "MovementRepository.h"

#include <QSqlError>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestMovementRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void proposeThenApproveChangesTheAssetAndHistory();
    void rejectLeavesTheAssetAlone();
    void inventariadorCannotApprove();
    void proposalRules_data();
    void proposalRules();
    void bajaNeedsResolutionAndEndsUse();
    void oneDecisionPerMovement();
    void assetChangedSinceProposal();
    void eventsAreAppendOnly();

private:
    MovementRepository &repo() { return *m_movements; }
    std::unique_ptr<PatrimonioFixture> m_fixture;
    std::unique_ptr<MovementRepository> m_movements;
};

void TestMovementRepository::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QVERIFY2(m_fixture->addCpus(3), qPrintable(m_fixture->lastError()));
    m_movements = std::make_unique<MovementRepository>(core::databaseProviderOf(
                                                           m_fixture->temp().store()),
                                                       m_fixture->clock(),
                                                       m_fixture->audit());
}

void TestMovementRepository::cleanup()
{
    m_movements.reset();
    m_fixture.reset();
}

void TestMovementRepository::proposeThenApproveChangesTheAssetAndHistory()
{
    Movement m;
    m.kind = MovementKind::Desplazamiento;
    m.toSedeId = QStringLiteral("terminales-terrestres");
    m.toAmbiente = QStringLiteral("Boletería 2");
    m.toResponsable = QStringLiteral("TICONA APAZA, Luis");
    m.motivo = QStringLiteral("Apertura de boletería");
    QString error;
    QVERIFY2(repo().propose(PatrimonioFixture::inventariador(),
                            &m,
                            {QStringLiteral("740899500001"), QStringLiteral("7408 9950-0002")},
                            &error),
             qPrintable(error));
    QCOMPARE(m.items.size(), 2);
    QCOMPARE(m.items.first().sedeId, QStringLiteral("palacio"));

    // Proposed only: nothing changed yet, and the history has only the alta.
    auto before = m_fixture->assets().findByCode(QStringLiteral("740899500001"));
    QCOMPARE(before->sedeId, QStringLiteral("palacio"));
    QCOMPARE(m_fixture->assets().history(PatrimonioFixture::jefe(), before->id).size(), 1);
    QCOMPARE(repo().list(PatrimonioFixture::jefe(), true).size(), 1);

    m_fixture->clock().advanceMinutes(30);
    QString acta;
    QVERIFY2(repo().approve(PatrimonioFixture::jefe(), m.id, &acta, &error), qPrintable(error));
    QVERIFY(acta.startsWith(QStringLiteral("DE-2026-")));
    for (const QString &code : {QStringLiteral("740899500001"), QStringLiteral("740899500002")}) {
        const auto a = m_fixture->assets().findByCode(code);
        QCOMPARE(a->sedeId, QStringLiteral("terminales-terrestres"));
        QVERIFY(a->areaId.isEmpty());
        QCOMPARE(a->ambiente, QStringLiteral("Boletería 2"));
        QCOMPARE(a->responsable, QStringLiteral("TICONA APAZA, Luis"));
        const auto history = m_fixture->assets().history(PatrimonioFixture::jefe(), a->id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.last().kind, QStringLiteral("movimiento"));
        QVERIFY(history.last().text.contains(acta));
        QCOMPARE(history.last().actor, QStringLiteral("jefe.patrimonio"));
    }
    const auto untouched = m_fixture->assets().findByCode(QStringLiteral("740899500003"));
    QCOMPARE(untouched->sedeId, QStringLiteral("palacio"));

    const auto found = repo().find(PatrimonioFixture::comite(), m.id);
    QVERIFY(found);
    QCOMPARE(found->status, MovementStatus::Aprobado);
    QCOMPARE(found->acta, acta);
    QCOMPARE(found->decidedBy, QStringLiteral("jefe.patrimonio"));
    QCOMPARE(repo().list(PatrimonioFixture::jefe(), true).size(), 0);
    QCOMPARE(m_fixture->auditRows(QStringLiteral("patrimonio.movement")), 2);
    QVERIFY(m_fixture->audit().verify().ok());
}

void TestMovementRepository::rejectLeavesTheAssetAlone()
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    QVERIFY2(repo().propose(PatrimonioFixture::inventariador(),
                            &m,
                            {QStringLiteral("740899500001")},
                            &error),
             qPrintable(error));
    QVERIFY(!repo().reject(PatrimonioFixture::jefe(), m.id, QStringLiteral("  "), &error));
    QVERIFY2(repo().reject(PatrimonioFixture::jefe(),
                           m.id,
                           QStringLiteral("La servidora no labora en la OTIC"),
                           &error),
             qPrintable(error));
    const auto a = m_fixture->assets().findByCode(QStringLiteral("740899500001"));
    QCOMPARE(a->responsable, QStringLiteral("MAMANI QUISPE, Rosa"));
    QCOMPARE(m_fixture->assets().history(PatrimonioFixture::jefe(), a->id).size(), 1);
    const auto found = repo().find(PatrimonioFixture::jefe(), m.id);
    QCOMPARE(found->status, MovementStatus::Rechazado);
    QCOMPARE(found->decisionReason, QStringLiteral("La servidora no labora en la OTIC"));
    // A rejected movement cannot be approved afterwards.
    QVERIFY(!repo().approve(PatrimonioFixture::jefe(), m.id, nullptr, &error));
    // The asset is free for a new proposal.
    Movement again = m;
    QVERIFY2(repo().propose(PatrimonioFixture::inventariador(),
                            &again,
                            {QStringLiteral("740899500001")},
                            &error),
             qPrintable(error));
}

void TestMovementRepository::inventariadorCannotApprove()
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    QVERIFY(repo().propose(PatrimonioFixture::inventariador(),
                           &m,
                           {QStringLiteral("740899500001")},
                           &error));
    QVERIFY(!repo().approve(PatrimonioFixture::inventariador(), m.id, nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("patrimonio.approve")));
    QVERIFY(!repo().reject(PatrimonioFixture::inventariador(), m.id, QStringLiteral("x"), &error));
    QVERIFY(error.contains(QStringLiteral("patrimonio.approve")));
    // Soporte and the comité cannot even propose.
    Movement other = m;
    QVERIFY(!repo().propose(PatrimonioFixture::soporte(),
                            &other,
                            {QStringLiteral("740899500002")},
                            &error));
    QVERIFY(error.contains(QStringLiteral("patrimonio.edit")));
    QCOMPARE(m_fixture->assets().findByCode(QStringLiteral("740899500001"))->responsable,
             QStringLiteral("MAMANI QUISPE, Rosa"));
}

void TestMovementRepository::proposalRules_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("toSede");
    QTest::addColumn<QString>("toArea");
    QTest::addColumn<QString>("toResponsable");
    QTest::addColumn<QStringList>("codigos");
    QTest::addColumn<QString>("errorContains");
    const QStringList one{QStringLiteral("740899500001")};
    QTest::newRow("no assets") << int(MovementKind::Asignacion) << ""
                               << ""
                               << "X" << QStringList{} << "";
    QTest::newRow("asignación without custodian") << int(MovementKind::Asignacion) << ""
                                                  << ""
                                                  << "" << one << "";
    QTest::newRow("desplazamiento without sede") << int(MovementKind::Desplazamiento) << ""
                                                 << ""
                                                 << "X" << one << "";
    QTest::newRow("devolución without sede") << int(MovementKind::Devolucion) << ""
                                             << ""
                                             << "" << one << "";
    QTest::newRow("unknown sede") << int(MovementKind::Desplazamiento) << "marte"
                                  << ""
                                  << "" << one << "marte";
    QTest::newRow("area of another sede")
        << int(MovementKind::Desplazamiento) << "terminales-terrestres"
        << "palacio-otic"
        << "" << one << "palacio-otic";
    QTest::newRow("unknown código")
        << int(MovementKind::Asignacion) << ""
        << ""
        << "X" << QStringList{QStringLiteral("740899509999")} << "740899509999";
    QTest::newRow("malformed código") << int(MovementKind::Asignacion) << ""
                                      << ""
                                      << "X" << QStringList{QStringLiteral("12345")} << "12345";
}

void TestMovementRepository::proposalRules()
{
    QFETCH(int, kind);
    QFETCH(QString, toSede);
    QFETCH(QString, toArea);
    QFETCH(QString, toResponsable);
    QFETCH(QStringList, codigos);
    QFETCH(QString, errorContains);
    Movement m;
    m.kind = MovementKind(kind);
    m.toSedeId = toSede;
    m.toAreaId = toArea;
    m.toResponsable = toResponsable;
    QString error;
    QVERIFY(!repo().propose(PatrimonioFixture::inventariador(), &m, codigos, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_movements")).toInt(),
             0);
}

void TestMovementRepository::bajaNeedsResolutionAndEndsUse()
{
    Movement m;
    m.kind = MovementKind::Baja;
    m.toEstado = Estado::Raee;
    QString error;
    QVERIFY(!repo().propose(PatrimonioFixture::inventariador(),
                            &m,
                            {QStringLiteral("740899500003")},
                            &error));
    QVERIFY(error.contains(QStringLiteral("resolution")) || !error.isEmpty());
    m.resolucion = QStringLiteral("R.G.A. N.º 045-2026-GA/MPT");
    QVERIFY2(repo().propose(PatrimonioFixture::inventariador(),
                            &m,
                            {QStringLiteral("740899500003")},
                            &error),
             qPrintable(error));
    QString acta;
    QVERIFY2(repo().approve(PatrimonioFixture::jefe(), m.id, &acta, &error), qPrintable(error));
    QVERIFY(acta.startsWith(QStringLiteral("BA-")));
    const auto a = m_fixture->assets().findByCode(QStringLiteral("740899500003"));
    QCOMPARE(a->estado, Estado::Raee);
    QCOMPARE(a->situacion, Situacion::Desuso);
    QVERIFY(a->observaciones.contains(QStringLiteral("R.G.A. N.º 045-2026-GA/MPT")));
    const auto history = m_fixture->assets().history(PatrimonioFixture::jefe(), a->id);
    QVERIFY(history.last().text.contains(QStringLiteral("R.G.A. N.º 045-2026-GA/MPT")));
}

void TestMovementRepository::oneDecisionPerMovement()
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    QVERIFY(repo().propose(PatrimonioFixture::inventariador(),
                           &m,
                           {QStringLiteral("740899500001")},
                           &error));
    // A second proposal for the same asset waits for the first.
    Movement second = m;
    QVERIFY(!repo().propose(PatrimonioFixture::inventariador(),
                            &second,
                            {QStringLiteral("740899500001")},
                            &error));
    QVERIFY(repo().approve(PatrimonioFixture::jefe(), m.id, nullptr, &error));
    QVERIFY(!repo().approve(PatrimonioFixture::jefe(), m.id, nullptr, &error));
    QVERIFY(!repo().reject(PatrimonioFixture::jefe(), m.id, QStringLiteral("tarde"), &error));
    QCOMPARE(m_fixture->assets().history(PatrimonioFixture::jefe(), m.items.first().assetId).size(),
             2);
}

void TestMovementRepository::assetChangedSinceProposal()
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    QVERIFY(repo().propose(PatrimonioFixture::inventariador(),
                           &m,
                           {QStringLiteral("740899500001")},
                           &error));
    auto a = m_fixture->assets().findByCode(QStringLiteral("740899500001"));
    a->responsable = QStringLiteral("OTRA PERSONA");
    a->updatedAt = {};
    QVERIFY2(m_fixture->assets().update(PatrimonioFixture::jefe(), &*a, &error), qPrintable(error));
    QVERIFY(!repo().approve(PatrimonioFixture::jefe(), m.id, nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("740899500001")));
    QCOMPARE(m_fixture->assets().findByCode(QStringLiteral("740899500001"))->responsable,
             QStringLiteral("OTRA PERSONA"));
}

void TestMovementRepository::eventsAreAppendOnly()
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    QVERIFY(repo().propose(PatrimonioFixture::inventariador(),
                           &m,
                           {QStringLiteral("740899500001")},
                           &error));
    QVERIFY(repo().approve(PatrimonioFixture::jefe(), m.id, nullptr, &error));
    QSqlQuery q(m_fixture->db());
    for (const char *sql : {"UPDATE patrimonio_movements SET motivo = 'x'",
                            "DELETE FROM patrimonio_movements",
                            "UPDATE patrimonio_movement_items SET responsable = 'x'",
                            "DELETE FROM patrimonio_movement_items",
                            "UPDATE patrimonio_movement_decisions SET acta = 'x'",
                            "DELETE FROM patrimonio_movement_decisions"}) {
        QVERIFY2(!q.exec(QLatin1String(sql)), sql);
        QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
    }
}

QTEST_GUILESS_MAIN(TestMovementRepository)
#include "tst_movementrepository.moc"
