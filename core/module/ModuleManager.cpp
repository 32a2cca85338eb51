#include "module/ModuleManager.h"

#include "auth/Session.h"
#include "module/Module.h"
#include "module/ModuleContext.h"
#include "module/ServiceRegistry.h"
#include "sync/SyncSchema.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace tambo::core {

namespace {

Q_LOGGING_CATEGORY(lcModules, "tambo.core.modules")

constexpr QLatin1String ModuleIidPrefix("pe.gob.munitacna.tambo.Module/");

bool isValidModuleId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return re.match(id).hasMatch();
}

} // namespace

ModuleManager::ModuleManager(QObject *parent)
    : QObject(parent)
{}

ModuleManager::~ModuleManager()
{
    shutdown();
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->owned)
            delete it->object;
        it->object = nullptr;
        it->spec.module = nullptr;
    }
}

void ModuleManager::addStaticPlugins()
{
    if (m_loaded || m_staticPluginsAdded) {
        qCWarning(lcModules) << "addStaticPlugins: called twice or after load(); ignored";
        return;
    }
    m_staticPluginsAdded = true;
    // The same plugin can be imported twice (Qt's automatic <plugin>_init object library and an
    // explicit Q_IMPORT_PLUGIN): its instance function identifies it.
    QList<QtPluginInstanceFunction> seen;
    const QList<QStaticPlugin> plugins = QPluginLoader::staticPlugins();
    for (const QStaticPlugin &plugin : plugins) {
        if (seen.contains(plugin.instance))
            continue;
        seen.append(plugin.instance);
        addEntry(plugin.metaData(), plugin.instance, nullptr); // metadata only, nothing created
    }
}

void ModuleManager::addPlugin(const QJsonObject &pluginMetaData, Factory factory)
{
    if (m_loaded) {
        qCWarning(lcModules) << "addPlugin: called after load(); ignored";
        return;
    }
    addEntry(pluginMetaData, std::move(factory), nullptr);
}

void ModuleManager::addObject(QObject *object, const QJsonObject &metaData)
{
    if (m_loaded) {
        qCWarning(lcModules) << "addObject: called after load(); ignored";
        return;
    }
    if (!object) {
        qCWarning(lcModules) << "addObject: null object ignored";
        return;
    }
    auto *module = qobject_cast<Module *>(object);
    const QString className = QString::fromLatin1(object->metaObject()->className());
    if (!module) {
        const QString error = tr("The object %1 does not implement the Tambo module interface.")
                                  .arg(className);
        qCWarning(lcModules).noquote() << error;
        m_errors.append(error);
        return;
    }
    QJsonObject md = metaData;
    if (md.isEmpty())
        md.insert(QStringLiteral("id"), module->id());
    const QJsonObject pluginMetaData{{QStringLiteral("IID"), QStringLiteral(TAMBO_MODULE_IID)},
                                     {QStringLiteral("className"), className},
                                     {QStringLiteral("MetaData"), md}};
    addEntry(pluginMetaData, {}, object);
}

void ModuleManager::addEntry(const QJsonObject &pluginMetaData, Factory factory, QObject *object)
{
    Entry entry;
    entry.iid = pluginMetaData.value(QLatin1String("IID")).toString();
    entry.spec.className = pluginMetaData.value(QLatin1String("className")).toString();
    entry.factory = std::move(factory);
    entry.object = object;

    const bool ours = entry.iid == QLatin1String(TAMBO_MODULE_IID);
    const bool otherVersion = !ours && entry.iid.startsWith(ModuleIidPrefix);
    if (!ours && !otherVersion)
        return; // some other kind of plugin (Qt's own, for instance): never created

    const QJsonObject md = pluginMetaData.value(QLatin1String("MetaData")).toObject();
    entry.spec.id = md.value(QLatin1String("id")).toString();
    entry.spec.version = md.value(QLatin1String("version")).toString();
    entry.spec.title = md.value(QLatin1String("title")).toString();
    bool requiresOk = true;
    const QJsonValue requiresValue = md.value(QLatin1String("requires"));
    if (requiresValue.isArray()) {
        const QJsonArray array = requiresValue.toArray();
        for (const QJsonValue &value : array) {
            if (!value.isString() || value.toString().isEmpty())
                requiresOk = false;
            else if (!entry.spec.dependencies.contains(value.toString()))
                entry.spec.dependencies.append(value.toString());
        }
    } else if (!requiresValue.isUndefined()) {
        requiresOk = false;
    }

    const QString name = entry.spec.id.isEmpty() ? entry.spec.className : entry.spec.id;
    m_entries.push_back(std::move(entry));
    Entry &added = m_entries.back();
    if (otherVersion) {
        disable(added,
                tr("The module \"%1\" was built for another version of the module interface "
                   "(%2); this Tambo expects %3.")
                    .arg(name, added.iid, QStringLiteral(TAMBO_MODULE_IID)));
    } else if (!isValidModuleId(added.spec.id)) {
        disable(added,
                tr("The module plugin %1 has no valid \"id\" in its metadata (lower-case letters, "
                   "digits and _).")
                    .arg(added.spec.className));
    } else if (!requiresOk) {
        disable(added,
                tr("The metadata of module \"%1\" is invalid: \"requires\" must be a list of "
                   "module ids.")
                    .arg(name));
    } else {
        added.metaDataOk = true;
    }
}

bool ModuleManager::load()
{
    if (m_loaded)
        return std::none_of(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) {
            return e.spec.state == State::Disabled;
        });
    m_loaded = true;

    // 1. Duplicate ids: which copy wins would depend on link order, so none does.
    std::map<QString, QList<int>> byId;
    for (int i = 0; i < int(m_entries.size()); ++i) {
        if (m_entries[i].metaDataOk)
            byId[m_entries[i].spec.id].append(i);
    }
    for (const auto &[id, indexes] : byId) {
        if (indexes.size() < 2)
            continue;
        QStringList classes;
        for (int i : indexes)
            classes.append(m_entries[i].spec.className);
        for (int i : indexes) {
            disable(m_entries[i],
                    tr("The module \"%1\" is linked more than once (%2); none of the copies is "
                       "loaded.")
                        .arg(id, classes.join(QLatin1String(", "))));
        }
    }

    // 2. Missing or disabled requirements, transitively.
    disableDependents();

    // 3. Order: a module after the modules it requires; among the ready ones, by id.
    std::map<QString, int> pending; // id -> number of requirements not yet ordered
    for (const Entry &entry : m_entries) {
        if (entry.spec.state != State::Disabled)
            pending[entry.spec.id] = int(entry.spec.dependencies.size());
    }
    QStringList order;
    while (true) {
        auto ready = std::find_if(pending.begin(), pending.end(), [](const auto &p) {
            return p.second == 0;
        });
        if (ready == pending.end())
            break;
        const QString id = ready->first;
        pending.erase(ready);
        order.append(id);
        for (const Entry &entry : m_entries) {
            if (entry.spec.dependencies.contains(id) && pending.count(entry.spec.id))
                --pending[entry.spec.id];
        }
    }
    if (!pending.empty()) {
        QStringList cycle;
        for (const auto &p : pending)
            cycle.append(p.first);
        for (const QString &id : std::as_const(cycle)) {
            disable(*find(id),
                    tr("The module \"%1\" was not loaded: the requirements of %2 form a cycle.")
                        .arg(id, cycle.join(QLatin1String(", "))));
        }
    }
    std::stable_sort(m_entries.begin(), m_entries.end(), [&order](const Entry &a, const Entry &b) {
        const qsizetype ia = order.indexOf(a.spec.id);
        const qsizetype ib = order.indexOf(b.spec.id);
        const bool da = a.spec.state == State::Disabled;
        const bool db = b.spec.state == State::Disabled;
        if (da || db)
            return !da && db; // enabled first; disabled keep their discovery order
        return ia < ib;
    });

    // 4. Create the objects, requirements first.
    for (Entry &entry : m_entries) {
        if (entry.spec.state == State::Disabled)
            continue;
        const auto missing = std::find_if(entry.spec.dependencies.cbegin(),
                                          entry.spec.dependencies.cend(),
                                          [this](const QString &dep) {
                                              const Entry *d = find(dep);
                                              return !d || d->spec.state != State::Loaded;
                                          });
        if (missing != entry.spec.dependencies.cend()) {
            disable(entry,
                    tr("The module \"%1\" requires \"%2\", which could not be loaded.")
                        .arg(entry.spec.id, *missing));
            continue;
        }
        if (!entry.object && entry.factory) {
            entry.object = entry.factory();
            entry.owned = entry.object != nullptr;
        }
        if (!entry.object) {
            disable(entry, tr("The module \"%1\" could not be created.").arg(entry.spec.id));
            continue;
        }
        Module *module = qobject_cast<Module *>(entry.object);
        if (!module) {
            disable(entry,
                    tr("The plugin %1 declares the module \"%2\" but does not implement the "
                       "module interface.")
                        .arg(entry.spec.className, entry.spec.id));
            continue;
        }
        if (module->id() != entry.spec.id) {
            disable(entry,
                    tr("The module \"%1\" calls itself \"%2\" in its code; its metadata and its "
                       "code must agree.")
                        .arg(entry.spec.id, module->id()));
            continue;
        }
        entry.spec.module = module;
        entry.spec.state = State::Loaded;
        const QList<PageDescriptor> pages = module->pages();
        for (const PageDescriptor &page : pages) {
            if (page.requiredPermission.isEmpty()) {
                const QString error = tr("The page \"%1\" of module \"%2\" names no required "
                                         "permission; it is never shown.")
                                          .arg(page.id, entry.spec.id);
                qCWarning(lcModules).noquote() << error;
                m_errors.append(error);
            }
        }
    }
    return std::none_of(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) {
        return e.spec.state == State::Disabled;
    });
}

bool ModuleManager::initializeAll(ModuleContext &context)
{
    if (!m_loaded)
        load();
    if (m_initialized) {
        qCWarning(lcModules) << "initializeAll: called twice; ignored";
        return false;
    }
    m_initialized = true;

    bool allStarted = true;
    QList<Entry *> started;
    for (Entry &entry : m_entries) {
        if (entry.spec.state != State::Loaded)
            continue;
        const auto failed = std::find_if(entry.spec.dependencies.cbegin(),
                                         entry.spec.dependencies.cend(),
                                         [this](const QString &dep) {
                                             const Entry *d = find(dep);
                                             return !d || d->spec.state != State::Initialized;
                                         });
        if (failed != entry.spec.dependencies.cend()) {
            disable(entry,
                    tr("The module \"%1\" was not started because \"%2\", which it requires, "
                       "did not start.")
                        .arg(entry.spec.id, *failed));
            allStarted = false;
            continue;
        }
        const QList<QObject *> before = context.services().allObjects();
        QString error;
        if (!entry.spec.module->initialize(context, &error)) {
            // Take back what it offered, so nobody uses a half-started module.
            const QList<QObject *> after = context.services().allObjects();
            for (QObject *object : after) {
                if (!before.contains(object))
                    context.services().removeObject(object);
            }
            disable(entry,
                    tr("The module \"%1\" failed to start: %2")
                        .arg(entry.spec.id, error.isEmpty() ? tr("no reason given.") : error));
            allStarted = false;
            continue;
        }
        entry.spec.state = State::Initialized;
        started.append(&entry);
    }
    // Reverse order: a module's extensionsInitialized() runs after those of the modules that
    // require it, so it sees everything they registered (Qt Creator's rule).
    for (auto it = started.crbegin(); it != started.crend(); ++it) {
        (*it)->spec.module->extensionsInitialized(context);
        (*it)->spec.state = State::Running;
    }
    return allStarted;
}

void ModuleManager::shutdown()
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->spec.state == State::Initialized || it->spec.state == State::Running) {
            it->spec.module->aboutToShutdown();
            it->spec.state = State::Stopped;
        }
    }
}

QList<Module *> ModuleManager::modules() const
{
    QList<Module *> result;
    for (const Entry *entry : enabledEntries())
        result.append(entry->spec.module);
    return result;
}

Module *ModuleManager::module(const QString &id) const
{
    const Entry *entry = find(id);
    return entry && entry->spec.state != State::Disabled ? entry->spec.module : nullptr;
}

QList<ModuleManager::Spec> ModuleManager::specs() const
{
    QList<Spec> result;
    for (const Entry &entry : m_entries)
        result.append(entry.spec);
    return result;
}

ModuleManager::State ModuleManager::state(const QString &id) const
{
    const Entry *entry = find(id);
    return entry ? entry->spec.state : State::Disabled;
}

QStringList ModuleManager::errors() const
{
    return m_errors;
}

QList<PermissionDef> ModuleManager::allPermissions() const
{
    QList<PermissionDef> result;
    for (const Entry *entry : enabledEntries())
        result.append(entry->spec.module->permissions());
    return result;
}

QList<ModuleMigrations> ModuleManager::allMigrations() const
{
    QList<ModuleMigrations> result;
    for (const Entry *entry : enabledEntries()) {
        QList<MigrationStep> steps = entry->spec.module->migrations();
        if (!steps.isEmpty())
            result.append(ModuleMigrations{entry->spec.id, std::move(steps)});
    }
    return result;
}

QList<SyncedTable> ModuleManager::allSyncedTables() const
{
    QList<SyncedTable> result = SyncSchema::syncedTables(); // core's own, then the modules'.
    for (const Entry *entry : enabledEntries())
        result.append(entry->spec.module->syncedTables());
    return result;
}

QList<PageDescriptor> ModuleManager::pages() const
{
    QList<PageDescriptor> result;
    for (const Entry *entry : enabledEntries()) {
        const QList<PageDescriptor> pages = entry->spec.module->pages();
        for (PageDescriptor page : pages) {
            if (page.requiredPermission.isEmpty())
                continue;
            page.moduleId = entry->spec.id;
            result.append(page);
        }
    }
    std::stable_sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
        return a.order < b.order;
    });
    return result;
}

QList<PageDescriptor> ModuleManager::pagesFor(const Session &session) const
{
    QList<PageDescriptor> result;
    if (!session.isValid())
        return result;
    const QList<PageDescriptor> all = pages();
    for (const PageDescriptor &page : all) {
        if (session.can(page.requiredPermission))
            result.append(page);
    }
    return result;
}

void ModuleManager::disable(Entry &entry, const QString &error)
{
    entry.spec.state = State::Disabled;
    entry.spec.error = error;
    if (!m_errors.contains(error)) { // copies of a duplicate share one message
        qCWarning(lcModules).noquote() << error;
        m_errors.append(error);
    }
}

void ModuleManager::disableDependents()
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (Entry &entry : m_entries) {
            if (entry.spec.state == State::Disabled)
                continue;
            for (const QString &dep : std::as_const(entry.spec.dependencies)) {
                const Entry *d = find(dep);
                if (!d) {
                    disable(entry,
                            tr("The module \"%1\" requires \"%2\", which is not part of this "
                               "build.")
                                .arg(entry.spec.id, dep));
                } else if (d->spec.state == State::Disabled) {
                    disable(entry,
                            tr("The module \"%1\" requires \"%2\", which is disabled.")
                                .arg(entry.spec.id, dep));
                } else {
                    continue;
                }
                changed = true;
                break;
            }
        }
    }
}

ModuleManager::Entry *ModuleManager::find(const QString &id)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&id](const Entry &e) {
        return e.metaDataOk && e.spec.id == id;
    });
    return it == m_entries.end() ? nullptr : &*it;
}

const ModuleManager::Entry *ModuleManager::find(const QString &id) const
{
    return const_cast<ModuleManager *>(this)->find(id);
}

QList<const ModuleManager::Entry *> ModuleManager::enabledEntries() const
{
    QList<const Entry *> result;
    for (const Entry &entry : m_entries) {
        if (entry.spec.module && entry.spec.state != State::Disabled)
            result.append(&entry);
    }
    return result;
}

} // namespace tambo::core
