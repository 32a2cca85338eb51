#pragma once

#include "Asset.h"
#include "CatalogoRepository.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tambo::patrimonio {

class AssetRepository;

// Demo data of the patrimonio module for `./tambo.sh run` and `tambo-admin demo`: the demo
// catálogo (resources/catalogo_sbn.csv) and a register that looks like the municipality's. The
// IT equipment is what the PGD's section 2.4 counts (tables 2 to 4): 871 computers (828 CPUs,
// 43 laptops), 102 printers (4 dot matrix, 23 inkjet, 75 laser), 9 scanners and 18 servers;
// plus the furniture of the same offices (desks, chairs, cabinets). Spread over core's demo
// sedes and areas (the Palacio Municipal holds the most), with custodians with Peruvian names,
// estados mostly bueno and regular, and correlativos from 0001 per catálogo code.
//
// Deterministic (a fixed random seed) and idempotent: codes already registered are skipped, so
// a second call writes nothing. One transaction for the catálogo, one for the assets; every
// asset is audited and gets its "alta" history line.
class PatrimonioDemo
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::PatrimonioDemo)

public:
    struct Counts
    {
        int cpus = 828;
        int laptops = 43;
        int matrixPrinters = 4;
        int inkjetPrinters = 23;
        int laserPrinters = 75;
        int scanners = 9;
        int servers = 18;
        int desks = 640;
        int computerDesks = 180;
        int swivelChairs = 700;
        int woodenChairs = 120;
        int otherChairs = 200;
        int cabinets = 150;
        int fileCabinets = 180;
        int shelves = 90;

        int computers() const { return cpus + laptops; }
        int printers() const { return matrixPrinters + inkjetPrinters + laserPrinters; }
        int furniture() const
        {
            return desks + computerDesks + swivelChairs + woodenChairs + otherChairs + cabinets
                   + fileCabinets + shelves;
        }
        int total() const { return computers() + printers() + scanners + servers + furniture(); }
    };

    // Catálogo codes of the demo (also in resources/catalogo_sbn.csv).
    static constexpr auto CatalogoCpu = "74089950";
    static constexpr auto CatalogoLaptop = "74080500";
    static constexpr auto CatalogoMatrix = "74084550";
    static constexpr auto CatalogoInkjet = "74083650";
    static constexpr auto CatalogoLaser = "74084100";
    static constexpr auto CatalogoScanner = "74087850";
    static constexpr auto CatalogoServer = "74088200";

    static Counts counts() { return {}; }

    // The demo catálogo from :/patrimonio/catalogo_sbn.csv.
    static QList<CatalogoRepository::Entry> catalogo(QString *error = nullptr);
    // The demo register for these sedes and areas (ids as in core's demo data). Same input,
    // same output.
    static QList<Asset> assets(const QList<Place> &sedes,
                               const QList<Place> &areas,
                               const QDate &today);

    // Writes what is missing. The store must hold core's demo sedes and areas.
    static bool seed(AssetRepository &assets,
                     CatalogoRepository &catalogo,
                     const QDate &today,
                     QString *error = nullptr);
};

} // namespace tambo::patrimonio
