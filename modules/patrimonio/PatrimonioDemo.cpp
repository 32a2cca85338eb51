#include "PatrimonioDemo.h"

#include "AssetRepository.h"
#include "CodigoPatrimonial.h"
#include "PatrimonioPermissions.h"
#include "RepositoryError.h"

#include "auth/Session.h"
#include "auth/UserService.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <array>
#include <cmath>

namespace tambo::patrimonio {

namespace {

struct Model
{
    const char *marca;
    const char *modelo;
    const char *seriePrefix; // the rest of the serie is random
    int serieDigits;
    int minSoles;
    int maxSoles;
};

// Brands and models seen in municipal registers in Peru; Advance and Halion are local brands.
constexpr std::array<Model, 6> CpuModels{{
    {"HP", "PRODESK 400 G7 SFF", "MXL", 7, 2900, 3800},
    {"LENOVO", "THINKCENTRE M70S", "PC", 6, 3000, 3900},
    {"DELL", "OPTIPLEX 3080", "", 7, 2800, 3600},
    {"ADVANCE", "VO-3000", "AD", 8, 2200, 2900},
    {"HALION", "PRO H610", "HL", 8, 2100, 2700},
    {"HP", "ELITEDESK 800 G6", "MXL", 7, 3600, 4500},
}};
constexpr std::array<Model, 3> LaptopModels{{
    {"LENOVO", "THINKPAD E14 GEN 2", "PF", 6, 3800, 4900},
    {"HP", "PROBOOK 440 G8", "5CD", 7, 3600, 4700},
    {"DELL", "LATITUDE 3420", "", 7, 3500, 4500},
}};
constexpr std::array<Model, 2> MatrixModels{{
    {"EPSON", "LX-350", "X3", 8, 900, 1200},
    {"EPSON", "FX-890II", "Q5", 8, 1800, 2300},
}};
constexpr std::array<Model, 3> InkjetModels{{
    {"EPSON", "ECOTANK L3250", "X8", 8, 700, 950},
    {"EPSON", "ECOTANK L6270", "X5", 8, 1100, 1400},
    {"CANON", "PIXMA G3110", "KM", 6, 650, 850},
}};
constexpr std::array<Model, 3> LaserModels{{
    {"HP", "LASERJET PRO M404DN", "PHB", 7, 1200, 1600},
    {"KYOCERA", "ECOSYS P2040DN", "VCF", 7, 1100, 1500},
    {"BROTHER", "HL-L5100DN", "U6", 8, 1000, 1400},
}};
constexpr std::array<Model, 3> ScannerModels{{
    {"EPSON", "WORKFORCE DS-530 II", "X2", 8, 2300, 2900},
    {"FUJITSU", "FI-7160", "A", 6, 3800, 4600},
    {"CANON", "IMAGEFORMULA DR-C225 II", "GE", 6, 1700, 2100},
}};
constexpr std::array<Model, 3> ServerModels{{
    {"HP", "PROLIANT DL380 GEN10", "2M2", 7, 28000, 42000},
    {"DELL", "POWEREDGE R740", "", 7, 30000, 45000},
    {"LENOVO", "THINKSYSTEM SR650", "J30", 5, 26000, 38000},
}};

const char *const MaleNames[] = {"José",          "Luis",   "Juan Carlos",  "Jorge",
                                 "Carlos",        "Víctor", "Miguel Ángel", "Edwin",
                                 "Wilber",        "Fredy",  "Raúl",         "César",
                                 "Percy",         "Javier", "Julio César",  "Rubén",
                                 "Hugo",          "Néstor", "Walter",       "Alfredo",
                                 "Marco Antonio", "Elvis",  "Richard",      "Henry",
                                 "Roberto",       "Óscar",  "Franklin",     "Iván"};
const char *const FemaleNames[] = {"María",    "Rosa",      "Ana María",     "Carmen",
                                   "Gladys",   "Elizabeth", "Lourdes",       "Nancy",
                                   "Patricia", "Maribel",   "Yolanda",       "Giovanna",
                                   "Sonia",    "Roxana",    "Milagros",      "Luz Marina",
                                   "Silvia",   "Karina",    "Flor de María", "Jacqueline",
                                   "Norma",    "Rocío",     "Vilma",         "Edith",
                                   "Pilar",    "Mónica",    "Ruth",          "Liliana"};
// Surnames common in Tacna (many of Aymara origin) and in Peru at large.
const char *const Surnames[] = {"Mamani",   "Quispe",    "Condori",  "Flores",   "Ticona",
                                "Choque",   "Chambilla", "Copa",     "Cutipa",   "Apaza",
                                "Laura",    "Huanca",    "Calizaya", "Vargas",   "Rodríguez",
                                "Gómez",    "Zegarra",   "Cáceres",  "Coaquira", "Pari",
                                "Ramos",    "Chura",     "Limache",  "Huarachi", "Ccama",
                                "Arias",    "Paredes",   "Rojas",    "Vizcarra", "Núñez",
                                "Peñaloza", "Cornejo",   "Medina",   "Yupanqui", "Machaca",
                                "Salazar",  "Torres",    "Aguilar",  "Ayca",     "Viveros",
                                "Alanoca",  "Tito"};
const char *const Colors[] = {"NEGRO", "GRIS", "PLATEADO", "BLANCO", "NEGRO/GRIS"};
const char *const WoodColors[] = {"MARRON", "CAOBA", "CEDRO", "HAYA", "GRIS", "NEGRO"};

class Generator
{
public:
    explicit Generator(const QDate &today)
        : m_random(20260101u)
        , m_today(today)
    {}

    int between(int low, int high) { return int(m_random.bounded(low, high + 1)); }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template<typename T, size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[size_t(between(0, int(N) - 1))];
    }
    template<typename T, size_t N>
    const T &pick(const std::array<T, N> &items)
    {
        return items[size_t(between(0, int(N) - 1))];
    }

    QString name()
    {
        const bool female = chance(48);
        const QString given = QString::fromUtf8(female ? pick(FemaleNames) : pick(MaleNames));
        QString first = QString::fromUtf8(pick(Surnames));
        QString second = QString::fromUtf8(pick(Surnames));
        while (second == first)
            second = QString::fromUtf8(pick(Surnames));
        // As on the actas: APELLIDOS, nombres.
        return QStringLiteral("%1 %2, %3").arg(first.toUpper(), second.toUpper(), given);
    }

    QString serie(const Model &model)
    {
        static const char alphabet[] = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        QString s = QString::fromLatin1(model.seriePrefix);
        for (int i = 0; i < model.serieDigits; ++i)
            s.append(QLatin1Char(alphabet[between(0, int(sizeof(alphabet)) - 2)]));
        return s;
    }

    QDate acquired(int fromYear)
    {
        const QDate from(fromYear, 1, 1);
        const QDate to = m_today.addDays(-30);
        const qint64 span = std::max<qint64>(1, from.daysTo(to));
        return from.addDays(qint64(m_random.bounded(quint64(span))));
    }

    // Mostly bueno and regular (the PGD counts every computer operative).
    Estado estado(bool equipment)
    {
        const int roll = between(1, 100);
        if (roll <= 10)
            return Estado::Nuevo;
        if (roll <= 62)
            return Estado::Bueno;
        if (roll <= 92 || equipment)
            return Estado::Regular;
        return Estado::Malo;
    }

    qint64 value(int minSoles, int maxSoles)
    {
        return qint64(between(minSoles, maxSoles)) * 100 + between(0, 9) * 10;
    }

private:
    QRandomGenerator m_random;
    QDate m_today;
};

// How many staff each sede has, relative: the Palacio Municipal holds most offices.
double sedeWeight(const QString &sedeId)
{
    static const QHash<QString, double> weights = {
        {QStringLiteral("palacio"), 4.0},
        {QStringLiteral("transporte-seguridad"), 1.6},
        {QStringLiteral("ingenieria-obras"), 1.5},
        {QStringLiteral("gestion-ambiental"), 1.3},
        {QStringLiteral("ex-palacio"), 1.2},
        {QStringLiteral("desarrollo-economico"), 1.1},
        {QStringLiteral("botadero"), 0.3},
        {QStringLiteral("camal"), 0.4},
        {QStringLiteral("taller"), 0.4},
        {QStringLiteral("piscina"), 0.4},
        {QStringLiteral("parque-peru"), 0.3},
    };
    return weights.value(sedeId, 0.8);
}

struct Office
{
    Place area;
    QString sedeName;
    QStringList staff;
    QString chief;
    int rooms = 1;
};

} // namespace

QList<CatalogoRepository::Entry> PatrimonioDemo::catalogo(QString *error)
{
    QFile file(QStringLiteral(":/patrimonio/catalogo_sbn.csv"));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The demo catálogo is missing from this build (%1).").arg(file.fileName());
        return {};
    }
    QList<CatalogoRepository::Entry> entries;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(QLatin1String("code;")))
            continue;
        const int sep = int(line.indexOf(u';'));
        if (sep > 0)
            entries.append({line.left(sep), line.mid(sep + 1).trimmed()});
    }
    return entries;
}

QList<Asset> PatrimonioDemo::assets(const QList<Place> &sedes,
                                    const QList<Place> &areas,
                                    const QDate &today)
{
    const Counts counts;
    Generator gen(today);
    QHash<QString, QString> sedeNames;
    for (const Place &s : sedes)
        sedeNames.insert(s.id, s.name);

    // Offices and their staff: one computer user per computer, spread by weight.
    QList<Office> offices;
    double totalWeight = 0;
    for (const Place &a : areas) {
        if (!sedeNames.contains(a.sedeId))
            continue;
        Office o;
        o.area = a;
        o.sedeName = sedeNames.value(a.sedeId);
        offices.append(o);
        totalWeight += sedeWeight(a.sedeId);
    }
    if (offices.isEmpty())
        return {};
    for (Office &o : offices) {
        const int share = std::max(2,
                                   int(std::lround(counts.computers() * sedeWeight(o.area.sedeId)
                                                   / totalWeight)));
        for (int i = 0; i < share; ++i)
            o.staff.append(gen.name());
        o.chief = o.staff.first();
        o.rooms = std::max(1, share / 8);
    }

    QHash<QString, int> correlativos;
    QList<Asset> result;
    result.reserve(counts.total());
    auto make = [&](const char *catalogo,
                    const QString &denominacion,
                    const Office &o,
                    const QString &responsable) {
        Asset a;
        const int next = ++correlativos[QString::fromLatin1(catalogo)];
        a.codigo = CodigoPatrimonial::fromParts(QString::fromLatin1(catalogo), next).toString();
        a.denominacion = denominacion;
        a.sedeId = o.area.sedeId;
        a.areaId = o.area.id;
        // Stored data, in Spanish like the rest of the register (not a UI string).
        a.ambiente = o.rooms > 1 ? QStringLiteral("OFICINA %1").arg(gen.between(1, o.rooms) + 100)
                                 : QStringLiteral("OFICINA PRINCIPAL");
        a.responsable = responsable;
        a.situacion = Situacion::Uso;
        return a;
    };
    auto equipment = [&](const char *catalogo,
                         const QString &denominacion,
                         const Office &o,
                         const QString &responsable,
                         const Model &m,
                         int fromYear) {
        Asset a = make(catalogo, denominacion, o, responsable);
        a.marca = QString::fromLatin1(m.marca);
        a.modelo = QString::fromLatin1(m.modelo);
        a.serie = gen.serie(m);
        a.color = QString::fromLatin1(gen.pick(Colors));
        a.estado = gen.estado(true);
        a.fechaAdquisicion = gen.acquired(fromYear);
        a.valorCentimos = gen.value(m.minSoles, m.maxSoles);
        a.cuentaContable = QStringLiteral("1503.0203");
        result.append(a);
    };

    // The offices in a fixed round-robin over staff, so every office gets its share.
    QList<QPair<int, int>> seats; // office, staff index
    for (int oi = 0; oi < offices.size(); ++oi) {
        for (int si = 0; si < offices.at(oi).staff.size(); ++si)
            seats.append({oi, si});
    }
    const QString cpu = QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU");
    const QString laptop = QStringLiteral("COMPUTADORA PERSONAL PORTATIL");
    for (int i = 0; i < counts.computers(); ++i) {
        const auto [oi, si] = seats.at(i % seats.size());
        const Office &o = offices.at(oi);
        // Laptops go to chiefs first, then to whoever is next.
        const bool isLaptop = i >= counts.cpus;
        const Office &target = isLaptop ? offices.at(i % offices.size()) : o;
        const QString &who = isLaptop ? target.chief : o.staff.at(si);
        if (isLaptop)
            equipment(CatalogoLaptop, laptop, target, who, gen.pick(LaptopModels), 2019);
        else
            equipment(CatalogoCpu, cpu, o, who, gen.pick(CpuModels), 2014);
        if (isLaptop)
            result.last().caracteristicas = QStringLiteral("CORE I5, 16 GB RAM, SSD 512 GB, 14\"");
        else
            result.last().caracteristicas = gen.chance(60)
                                                ? QStringLiteral("CORE I5, 8 GB RAM, SSD 256 GB")
                                                : QStringLiteral("CORE I7, 16 GB RAM, SSD 512 GB");
    }

    auto printers = [&](int n,
                        const char *catalogo,
                        const QString &denominacion,
                        const auto &models,
                        int fromYear) {
        for (int i = 0; i < n; ++i) {
            const Office &o = offices.at((i * 7 + 3) % offices.size());
            equipment(catalogo, denominacion, o, o.chief, gen.pick(models), fromYear);
        }
    };
    printers(counts.matrixPrinters,
             CatalogoMatrix,
             QStringLiteral("IMPRESORA MATRIZ DE PUNTO"),
             MatrixModels,
             2012);
    printers(counts.inkjetPrinters,
             CatalogoInkjet,
             QStringLiteral("IMPRESORA A INYECCION DE TINTA"),
             InkjetModels,
             2018);
    printers(counts.laserPrinters,
             CatalogoLaser,
             QStringLiteral("IMPRESORA LASER"),
             LaserModels,
             2015);

    // Scanners where paper comes in; servers in OTIC's data centre.
    QList<int> paperOffices;
    int otic = 0;
    for (int oi = 0; oi < offices.size(); ++oi) {
        const QString id = offices.at(oi).area.id;
        if (id.contains(QLatin1String("mesa-partes")) || id.contains(QLatin1String("archivo"))
            || id.contains(QLatin1String("registro-civil"))
            || id.contains(QLatin1String("tributaria"))
            || id.contains(QLatin1String("secretaria"))) {
            paperOffices.append(oi);
        }
        if (id.contains(QLatin1String("otic")))
            otic = oi;
    }
    if (paperOffices.isEmpty())
        paperOffices.append(0);
    for (int i = 0; i < counts.scanners; ++i) {
        const Office &o = offices.at(paperOffices.at(i % paperOffices.size()));
        equipment(CatalogoScanner,
                  QStringLiteral("ESCANER"),
                  o,
                  o.chief,
                  gen.pick(ScannerModels),
                  2017);
    }
    for (int i = 0; i < counts.servers; ++i) {
        const Office &o = offices.at(otic);
        equipment(CatalogoServer,
                  QStringLiteral("SERVIDOR"),
                  o,
                  o.chief,
                  gen.pick(ServerModels),
                  2016);
        result.last().ambiente = QStringLiteral("CENTRO DE DATOS");
    }

    // Furniture: no brand or serie, as in most registers.
    auto furniture = [&](int n,
                         const char *catalogo,
                         const QString &denominacion,
                         const QString &features,
                         int minSoles,
                         int maxSoles) {
        for (int i = 0; i < n; ++i) {
            const auto [oi, si] = seats.at((i * 13) % seats.size());
            const Office &o = offices.at(oi);
            Asset a = make(catalogo, denominacion, o, o.staff.at(si));
            a.marca = QStringLiteral("S/M");
            a.modelo = QStringLiteral("S/M");
            a.color = QString::fromLatin1(gen.pick(WoodColors));
            a.caracteristicas = features;
            a.estado = gen.estado(false);
            a.situacion = a.estado == Estado::Malo && gen.chance(50) ? Situacion::Desuso
                                                                     : Situacion::Uso;
            a.fechaAdquisicion = gen.acquired(2008);
            a.valorCentimos = gen.value(minSoles, maxSoles);
            a.cuentaContable = QStringLiteral("1503.0201");
            if (a.estado == Estado::Malo)
                a.observaciones = QStringLiteral("PARA EVALUAR BAJA");
            result.append(a);
        }
    };
    furniture(counts.desks,
              "74643712",
              QStringLiteral("ESCRITORIO DE MADERA"),
              QStringLiteral("3 CAJONES, 1.20 x 0.60 m"),
              380,
              750);
    furniture(counts.computerDesks,
              "74645983",
              QStringLiteral("MODULO DE COMPUTO DE MELAMINA"),
              QStringLiteral("0.90 x 0.50 x 0.75 m"),
              250,
              480);
    furniture(counts.swivelChairs,
              "74648390",
              QStringLiteral("SILLA GIRATORIA DE METAL"),
              QStringLiteral("ESPALDAR DE MALLA, CON BRAZOS"),
              220,
              520);
    furniture(counts.woodenChairs,
              "74648119",
              QStringLiteral("SILLA FIJA DE MADERA"),
              QString(),
              80,
              160);
    furniture(counts.otherChairs,
              "74648255",
              QStringLiteral("SILLA FIJA DE OTRO MATERIAL"),
              QStringLiteral("ASIENTO Y ESPALDAR DE POLIPROPILENO"),
              60,
              140);
    furniture(counts.cabinets,
              "74640626",
              QStringLiteral("ARMARIO DE MELAMINA"),
              QStringLiteral("2 PUERTAS, 4 REPISAS"),
              450,
              900);
    furniture(counts.fileCabinets,
              "74640321",
              QStringLiteral("ARCHIVADOR DE MADERA"),
              QStringLiteral("4 GAVETAS"),
              380,
              700);
    furniture(counts.shelves,
              "74644152",
              QStringLiteral("ESTANTE DE MELAMINA"),
              QStringLiteral("5 REPISAS"),
              200,
              420);
    return result;
}

bool PatrimonioDemo::seed(AssetRepository &assets,
                          CatalogoRepository &catalogo,
                          const QDate &today,
                          QString *error)
{
    const RepositoryError fail(error);
    QString problem;
    const QList<CatalogoRepository::Entry> entries = PatrimonioDemo::catalogo(&problem);
    if (!problem.isEmpty())
        return fail(problem);
    const QString actor = core::UserService::systemActor();
    const CatalogoRepository::ImportReport report = catalogo.importEntries(actor, entries);
    if (!report.ok())
        return fail(report.error);

    const QList<Place> sedes = assets.sedes();
    const QList<Place> areas = assets.areas();
    if (sedes.isEmpty() || areas.isEmpty())
        return fail(tr("The demo register needs core's demo sedes and areas first."));
    const QSet<QString> existing = assets.allCodigos(&problem);
    if (!problem.isEmpty())
        return fail(problem);

    QList<Asset> missing;
    for (const Asset &a : PatrimonioDemo::assets(sedes, areas, today)) {
        if (!existing.contains(a.codigo))
            missing.append(a);
    }
    if (missing.isEmpty())
        return true;

    core::Session seeder;
    seeder.username = actor;
    seeder.permissions = {QString::fromLatin1(Permissions::Edit)};
    return assets.insertMany(seeder, &missing, error);
}

} // namespace tambo::patrimonio
