#include "CampaignDemo.h"

#include "CampaignRepository.h"
#include "PatrimonioPermissions.h"
#include "RepositoryError.h"

#include "auth/Session.h"
#include "auth/UserService.h"

#include <QMap>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace tambo::patrimonio {

namespace {

// A UUIDv7 from `at` with random bits from a seeded generator: the same demo, the same ids.
QString demoUuid7(const QDateTime &at, QRandomGenerator &random)
{
    const quint64 ms = quint64(at.toMSecsSinceEpoch());
    QByteArray bytes(16, '\0');
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(quint8(ms >> (8 * (5 - i))));
    for (int i = 6; i < 16; ++i)
        bytes[i] = char(quint8(random.bounded(256)));
    bytes[6] = char((quint8(bytes[6]) & 0x0f) | 0x70);
    bytes[8] = char((quint8(bytes[8]) & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

} // namespace

bool CampaignDemo::seed(CampaignRepository &campaigns, const QDate &today, QString *error)
{
    const RepositoryError fail(error);
    core::Session seeder;
    seeder.userId = 1;
    seeder.username = core::UserService::systemActor();
    seeder.permissions = {QString::fromLatin1(Permissions::View),
                          QString::fromLatin1(Permissions::InventoryManage)};
    QString problem;
    for (const Campaign &c : campaigns.list(seeder, &problem)) {
        if (c.name == campaignName())
            return true;
    }
    if (!problem.isEmpty())
        return fail(problem);

    const QList<CampaignAsset> assets = campaigns.registerAssets(&problem);
    if (!problem.isEmpty())
        return fail(problem);
    if (assets.isEmpty())
        return fail(tr("The demo campaign needs the demo register first."));

    Campaign c;
    c.name = campaignName();
    c.year = 2026;
    c.cutoff = QDate(2026, 12, 31);
    // Names as on the resolución that names the comisión (stored data, not UI text).
    c.comision = {{QStringLiteral("ZEGARRA CÁCERES, Lourdes"), QStringLiteral("Presidenta")},
                  {QStringLiteral("CONDORI TICONA, Wilber"),
                   QStringLiteral("Miembro (Contabilidad)")},
                  {QStringLiteral("APAZA CHAMBILLA, Rocío"), QStringLiteral("Miembro (Patrimonio)")},
                  {QStringLiteral("VARGAS LAURA, Percy"), QStringLiteral("Veedor (OCI)")}};
    c.sedeIds = {QStringLiteral("palacio")};
    if (!campaigns.create(seeder, &c, error) || !campaigns.start(seeder, c.id, error))
        return false;

    // The ambientes of two offices, as the register has them.
    QMap<QString, QList<CampaignAsset>> byPlace; // place key → assets (ordered)
    QHash<QString, InventoryPlace> places;
    for (const CampaignAsset &a : assets) {
        if (a.place.areaId == QLatin1String("palacio-otic")
            || a.place.areaId == QLatin1String("palacio-patrimonio")) {
            byPlace[a.place.key()].append(a);
            places.insert(a.place.key(), a.place);
        }
    }
    for (auto &list : byPlace)
        std::sort(list.begin(), list.end(), [](const CampaignAsset &x, const CampaignAsset &y) {
            return x.codigo < y.codigo;
        });
    const QStringList keys = byPlace.keys();
    if (keys.size() < 3)
        return fail(tr("The demo register has too few rooms for the demo campaign."));

    QRandomGenerator random(20261231u);
    const QDateTime start(today, QTime(9, 0), QTimeZone::systemTimeZone());
    QList<CampaignScan> scans;
    int minute = 0;
    auto scan = [&](const InventoryPlace &place,
                    const QString &codigo,
                    const QString &device,
                    std::optional<Estado> estado = std::nullopt) {
        CampaignScan s;
        s.at = start.addSecs(qint64(minute) * 37).toUTC();
        ++minute;
        s.id = demoUuid7(s.at, random);
        s.campaignId = c.id;
        s.device = device;
        s.actor = QStringLiteral("inventariador");
        s.place = place;
        s.codigo = codigo;
        s.estado = estado;
        scans.append(s);
    };
    const QString team1 = QStringLiteral("demo-equipo-1");
    const QString team2 = QStringLiteral("demo-equipo-2");
    // Two rooms of the OTIC and one of Logística y Patrimonio: about four fifths of each found
    // in place.
    QStringList rooms;
    for (const QString &key : keys) {
        const bool otic = places.value(key).areaId == QLatin1String("palacio-otic");
        const int oticRooms = int(std::count_if(rooms.begin(), rooms.end(), [&](const QString &k) {
            return places.value(k).areaId == QLatin1String("palacio-otic");
        }));
        if ((otic && oticRooms < 2) || (!otic && rooms.size() == oticRooms && oticRooms > 0))
            rooms.append(key);
    }
    if (rooms.isEmpty())
        return fail(tr("The demo register has too few rooms for the demo campaign."));
    for (int r = 0; r < rooms.size(); ++r) {
        const QList<CampaignAsset> &list = byPlace.value(rooms.at(r));
        const InventoryPlace place = places.value(rooms.at(r));
        const int count = std::max(1, int(list.size()) * 4 / 5);
        for (int i = 0; i < count; ++i) {
            const CampaignAsset &a = list.at(i);
            std::optional<Estado> observed;
            if (i == 2) // worse than the register says
                observed = a.estado == Estado::Malo ? Estado::Raee : Estado::Malo;
            scan(place, a.codigo, r % 2 == 0 ? team1 : team2, observed);
            if (i == 4) // scanned again by mistake: counted once
                scan(place, a.codigo, r % 2 == 0 ? team1 : team2);
        }
    }
    // A bien of a room nobody has walked yet, found in the first room.
    const InventoryPlace first = places.value(rooms.first());
    for (auto it = keys.crbegin(); it != keys.crend(); ++it) {
        const QList<CampaignAsset> &list = byPlace.value(*it);
        if (!rooms.contains(*it) && !list.isEmpty()) {
            scan(first, list.last().codigo, team1);
            break;
        }
    }
    // A label that is not in the register, and a bien registered in another sede.
    scan(first, QStringLiteral("740899509990"), team1);
    for (const CampaignAsset &a : assets) {
        if (a.place.sedeId != QLatin1String("palacio")) {
            scan(places.value(rooms.last()), a.codigo, team2);
            break;
        }
    }
    return campaigns.insertScans(scans, nullptr, error);
}

} // namespace tambo::patrimonio
