// Draws docs/screenshots/campaign-in-progress.png: the "Toma de inventario" page in Spanish on
// the demo data (the demo register and its campaign "Inventario 2026" under way), grabbed
// offscreen with QWidget::grab(). Not a test; built on demand:
//
//   cmake --build build/ci --target campaign_screenshot
//   QT_QPA_PLATFORM=offscreen build/ci/tests/modules/patrimonio/campaign_screenshot \
//       docs/screenshots/campaign-in-progress.png [DIR]
//
// With DIR, the campaign is then closed and its acta, informe final and CSV are written to DIR
// (to look at the documents; they are not kept in the repository).
#include "PatrimonioFixture.h"

#include "CampaignDemo.h"
#include "CampaignReport.h"
#include "CampaignRepository.h"
#include "InventoryPage.h"
#include "InventoryProgressModel.h"
#include "PatrimonioDemo.h"

#include "shell/LanguageLoader.h"

#include <QApplication>
#include <QLocale>
#include <QTreeView>

#include <cstdio>

using namespace tambo;
using namespace tambo::patrimonio;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: campaign_screenshot OUT.png\n");
        return 2;
    }
    shell::LanguageLoader language;
    language.load(QStringLiteral("es_PE"));

    test::PatrimonioFixture f;
    if (!f.setupError().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(f.setupError()));
        return 1;
    }
    f.clock().set(QDateTime(QDate(2026, 11, 3), QTime(15, 20), Qt::UTC));
    CampaignRepository campaigns(core::databaseProviderOf(f.temp().store()), f.clock(), f.audit());
    QString error;
    const QDate today = f.clock().now().date();
    if (!PatrimonioDemo::seed(f.assets(), f.catalogo(), today, &error)
        || !CampaignDemo::seed(campaigns, today, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const core::Session jefe = test::PatrimonioFixture::jefe();
    InventoryPage page(campaigns, f.assets(), jefe, ScannerInput::Config{});
    page.setBeep([] {});
    page.resize(1366, 768);
    page.show();

    // The team in the first room the demo scanned, one more bien, then a repeated label.
    const auto places = page.tally().places();
    InventoryPlace room;
    for (const auto &p : places) {
        if (p.scannedHere > 0 && p.found < p.expected) {
            room = p.place;
            break;
        }
    }
    page.setPlace(room);
    QString next;
    QString done;
    for (const CampaignResult &r : page.tally().results()) {
        if (r.registered == room && r.outcome == CampaignOutcome::Faltante && next.isEmpty())
            next = r.codigo;
        if (r.registered == room && r.outcome == CampaignOutcome::Encontrado && done.isEmpty())
            done = r.codigo;
    }
    f.clock().advanceSecs(40);
    page.handleCode(next);
    f.clock().advanceSecs(40);
    page.handleCode(done);
    QApplication::processEvents();
    const QImage image = page.grab().toImage();
    if (!image.save(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    if (argc > 2) {
        const QString id = page.campaignId();
        QList<CampaignResult> results;
        if (!campaigns.close(jefe, id, &results, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        CampaignReport report(*campaigns.find(id), results);
        QHash<QString, QString> sedes;
        QHash<QString, QString> areas;
        for (const Place &p : f.assets().sedes())
            sedes.insert(p.id, p.name);
        for (const Place &p : f.assets().areas())
            areas.insert(p.id, p.name);
        report.setPlaceNames(sedes, areas);
        CampaignReport::Files files;
        if (!report.writeAll(QString::fromLocal8Bit(argv[2]), &files, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("%s\n%s\n%s\n",
                    qPrintable(files.acta),
                    qPrintable(files.informe),
                    qPrintable(files.csv));
    }
    return 0;
}
