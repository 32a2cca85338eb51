#include "TestModulePlugin.h"

#include "Greeter.h"
#include "TestProbe.h"

#include "auth/Roles.h"
#include "module/ModuleContext.h"
#include "module/ServiceRegistry.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tambo::testmodule {

namespace {

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace

TestModulePlugin::TestModulePlugin()
{
    TestProbe::created(QString::fromLatin1(metaObject()->className()));
}

TestModulePlugin::~TestModulePlugin() = default;

QString TestModulePlugin::id() const
{
    return QString::fromLatin1(Id);
}

QString TestModulePlugin::title() const
{
    return tr("Test module");
}

QString TestModulePlugin::iconName() const
{
    return QStringLiteral("applications-science");
}

QList<core::PermissionDef> TestModulePlugin::permissions() const
{
    return {{QString::fromLatin1(ViewPermission),
             tr("View the test module"),
             {QString::fromLatin1(core::Roles::AdminOtic)}}};
}

QList<core::MigrationStep> TestModulePlugin::migrations() const
{
    core::MigrationStep createNotes;
    createNotes.version = 1;
    createNotes.description = QStringLiteral("Create testmodule_note");
    createNotes.apply = [](QSqlDatabase &db, QString *error) {
        return exec(db,
                    QStringLiteral("CREATE TABLE testmodule_note (id TEXT PRIMARY KEY, "
                                   "sede_id TEXT NOT NULL, body TEXT NOT NULL)"),
                    error);
    };
    core::MigrationStep indexNotes;
    indexNotes.version = 2;
    indexNotes.description = QStringLiteral("Index testmodule_note by sede");
    indexNotes.apply = [](QSqlDatabase &db, QString *error) {
        return exec(db,
                    QStringLiteral(
                        "CREATE INDEX testmodule_note_sede ON testmodule_note (sede_id)"),
                    error);
    };
    return {createNotes, indexNotes};
}

QList<core::SyncedTable> TestModulePlugin::syncedTables() const
{
    core::SyncedTable notes;
    notes.table = QString::fromLatin1(NotesTable);
    notes.kind = core::SyncedTable::Kind::Mutable;
    notes.scopeColumns = {QStringLiteral("sede_id")};
    notes.legalColumns = {QStringLiteral("body")};
    return {notes};
}

QList<core::PageDescriptor> TestModulePlugin::pages() const
{
    core::PageDescriptor overview;
    overview.id = QString::fromLatin1(OverviewPage);
    overview.title = tr("Test overview");
    overview.iconName = iconName();
    overview.requiredPermission = QString::fromLatin1(ViewPermission);
    overview.order = 900;
    return {overview};
}

bool TestModulePlugin::initialize(core::ModuleContext &ctx, QString *error)
{
    TestProbe::record(QStringLiteral("testmodule.initialize"));
    m_services = &ctx.services();
    m_greeter = new Greeter(this);
    ctx.services().addObject(m_greeter);
    if (TestProbe::shouldFailInitialize(id())) {
        *error = QStringLiteral("told to fail by the test");
        return false;
    }
    // Forget an extension before its module removes it (shutdown runs in reverse order).
    connect(&ctx.services(),
            &core::ServiceRegistry::aboutToRemoveObject,
            this,
            [this](QObject *object) { collectExtensions(object); });
    return true;
}

void TestModulePlugin::extensionsInitialized(core::ModuleContext &ctx)
{
    Q_UNUSED(ctx)
    collectExtensions();
    TestProbe::record(QStringLiteral("testmodule.extensionsInitialized:%1")
                          .arg(m_greeter->greet(QStringLiteral("Tacna"))));
}

void TestModulePlugin::aboutToShutdown()
{
    TestProbe::record(QStringLiteral("testmodule.aboutToShutdown"));
    if (m_services) {
        disconnect(m_services, nullptr, this, nullptr);
        m_services->removeObject(m_greeter);
    }
}

void TestModulePlugin::collectExtensions(const QObject *leaving)
{
    if (!m_services || !m_greeter)
        return;
    QList<IGreetingExtension *> extensions;
    const QList<QObject *> objects = m_services->allObjects();
    for (QObject *object : objects) {
        if (object == leaving)
            continue;
        if (auto *extension = qobject_cast<IGreetingExtension *>(object))
            extensions.append(extension);
    }
    m_greeter->setExtensions(extensions);
}

} // namespace tambo::testmodule
