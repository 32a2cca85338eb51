#pragma once

#include <QList>
#include <QObject>
#include <QReadWriteLock>

namespace tambo::core {

// The pool of service objects modules offer to each other (Tiled's PluginManager::objects<T>(),
// Qt Creator's object pool). Interfaces live in core/services/ and are declared with
// Q_DECLARE_INTERFACE; an implementation is a QObject that lists them in Q_INTERFACES, so a
// module finds another module's service with object<IFoo>() without including that module.
//
// The registry does not own the objects. An object deleted while registered is dropped
// silently; modules should still remove their objects in aboutToShutdown(). Objects are added
// and removed on the main thread; lookups may come from any thread.
class ServiceRegistry : public QObject
{
    Q_OBJECT

public:
    explicit ServiceRegistry(QObject *parent = nullptr);
    ~ServiceRegistry() override;

    // Adds object at the end (lookups return objects in the order they were added). Null or
    // already registered objects are ignored with a warning.
    void addObject(QObject *object);
    // Returns false when object was not registered.
    bool removeObject(QObject *object);
    bool contains(const QObject *object) const;
    QList<QObject *> allObjects() const;

    // Every registered object that implements T (a QObject subclass or a Q_DECLARE_INTERFACE'd
    // interface), in registration order.
    template<class T>
    QList<T *> objects() const
    {
        QList<T *> result;
        const QList<QObject *> all = allObjects();
        for (QObject *object : all) {
            if (T *t = qobject_cast<T *>(object))
                result.append(t);
        }
        return result;
    }

    // The first registered object that implements T, or nullptr.
    template<class T>
    T *object() const
    {
        const QList<QObject *> all = allObjects();
        for (QObject *object : all) {
            if (T *t = qobject_cast<T *>(object))
                return t;
        }
        return nullptr;
    }

signals:
    void objectAdded(QObject *object);
    // Emitted by removeObject() while the object is still registered and alive.
    void aboutToRemoveObject(QObject *object);

private:
    void forget(QObject *object);

    mutable QReadWriteLock m_lock;
    QList<QObject *> m_objects;
};

} // namespace tambo::core
