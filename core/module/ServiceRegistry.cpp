#include "module/ServiceRegistry.h"

#include <QLoggingCategory>

namespace tambo::core {

namespace {
Q_LOGGING_CATEGORY(lcServices, "tambo.core.services")
} // namespace

ServiceRegistry::ServiceRegistry(QObject *parent)
    : QObject(parent)
{}

// The destroyed() connections use this as context, so QObject drops them with us.
ServiceRegistry::~ServiceRegistry() = default;

void ServiceRegistry::addObject(QObject *object)
{
    if (!object) {
        qCWarning(lcServices) << "addObject: null object ignored";
        return;
    }
    {
        QWriteLocker locker(&m_lock);
        if (m_objects.contains(object)) {
            qCWarning(lcServices) << "addObject: already registered:" << object;
            return;
        }
        m_objects.append(object);
    }
    // Direct: the object may live in another thread, and by the time a queued call ran the
    // pointer could be reused.
    const auto forgetIt = [this, object] { forget(object); };
    connect(object, &QObject::destroyed, this, forgetIt, Qt::DirectConnection);
    emit objectAdded(object);
}

bool ServiceRegistry::removeObject(QObject *object)
{
    if (!contains(object))
        return false;
    emit aboutToRemoveObject(object);
    disconnect(object, &QObject::destroyed, this, nullptr);
    forget(object);
    return true;
}

bool ServiceRegistry::contains(const QObject *object) const
{
    QReadLocker locker(&m_lock);
    return object && m_objects.contains(const_cast<QObject *>(object));
}

QList<QObject *> ServiceRegistry::allObjects() const
{
    QReadLocker locker(&m_lock);
    return m_objects;
}

void ServiceRegistry::forget(QObject *object)
{
    QWriteLocker locker(&m_lock);
    m_objects.removeAll(object);
}

} // namespace tambo::core
