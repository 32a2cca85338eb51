#include "module/ServiceRegistry.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using tambo::core::ServiceRegistry;

namespace {

class IFoo
{
public:
    virtual ~IFoo() = default;
    virtual int foo() const = 0;
};

class IBar
{
public:
    virtual ~IBar() = default;
    virtual int bar() const = 0;
};

class IUnused
{
public:
    virtual ~IUnused() = default;
};

} // namespace

Q_DECLARE_INTERFACE(IFoo, "pe.gob.munitacna.tambo.test.IFoo/1")
Q_DECLARE_INTERFACE(IBar, "pe.gob.munitacna.tambo.test.IBar/1")
Q_DECLARE_INTERFACE(IUnused, "pe.gob.munitacna.tambo.test.IUnused/1")

namespace {

class Foo : public QObject, public IFoo
{
    Q_OBJECT
    Q_INTERFACES(IFoo)

public:
    explicit Foo(int value)
        : m_value(value)
    {}
    int foo() const override { return m_value; }

private:
    int m_value;
};

class FooBar : public QObject, public IFoo, public IBar
{
    Q_OBJECT
    Q_INTERFACES(IFoo IBar)

public:
    int foo() const override { return 10; }
    int bar() const override { return 20; }
};

class SpecialFoo : public Foo
{
    Q_OBJECT

public:
    SpecialFoo()
        : Foo(99)
    {}
};

} // namespace

class TestServiceRegistry : public QObject
{
    Q_OBJECT

private slots:
    void findsObjectsByInterfaceInRegistrationOrder();
    void findsObjectsByQObjectClass();
    void ignoresNullAndDuplicates();
    void removeObjectSignalsWhileStillRegistered();
    void deletedObjectsAreForgotten();
    void objectsMayOutliveTheRegistry();
    void lookupsFromOtherThreads();
};

void TestServiceRegistry::findsObjectsByInterfaceInRegistrationOrder()
{
    ServiceRegistry registry;
    Foo one(1);
    FooBar both;
    Foo two(2);
    QObject plain;
    registry.addObject(&one);
    registry.addObject(&plain);
    registry.addObject(&both);
    registry.addObject(&two);

    const QList<IFoo *> foos = registry.objects<IFoo>();
    QCOMPARE(foos.size(), 3);
    QCOMPARE(foos.at(0)->foo(), 1);
    QCOMPARE(foos.at(1)->foo(), 10);
    QCOMPARE(foos.at(2)->foo(), 2);
    QCOMPARE(registry.object<IFoo>()->foo(), 1);
    QCOMPARE(registry.objects<IBar>().size(), 1);
    QCOMPARE(registry.object<IBar>()->bar(), 20);
    QCOMPARE(registry.object<IUnused>(), nullptr);
    QVERIFY(registry.objects<IUnused>().isEmpty());
    QCOMPARE(registry.allObjects(), QList<QObject *>({&one, &plain, &both, &two}));
}

void TestServiceRegistry::findsObjectsByQObjectClass()
{
    ServiceRegistry registry;
    Foo plainFoo(1);
    SpecialFoo special;
    registry.addObject(&plainFoo);
    registry.addObject(&special);
    QCOMPARE(registry.objects<Foo>().size(), 2);
    QCOMPARE(registry.object<SpecialFoo>(), &special);
    QCOMPARE(registry.objects<QObject>().size(), 2);
}

void TestServiceRegistry::ignoresNullAndDuplicates()
{
    ServiceRegistry registry;
    QSignalSpy added(&registry, &ServiceRegistry::objectAdded);
    Foo foo(1);
    registry.addObject(&foo);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("addObject: already registered"));
    registry.addObject(&foo);
    QTest::ignoreMessage(QtWarningMsg, "addObject: null object ignored");
    registry.addObject(nullptr);
    QCOMPARE(registry.allObjects().size(), 1);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).value<QObject *>(), &foo);
    QVERIFY(!registry.removeObject(nullptr));
}

void TestServiceRegistry::removeObjectSignalsWhileStillRegistered()
{
    ServiceRegistry registry;
    Foo foo(1);
    Foo other(2);
    registry.addObject(&foo);
    bool wasRegistered = false;
    connect(&registry, &ServiceRegistry::aboutToRemoveObject, this, [&](QObject *object) {
        QCOMPARE(object, &foo);
        wasRegistered = registry.contains(object) && registry.object<IFoo>() == &foo;
    });
    QVERIFY(!registry.removeObject(&other));
    QVERIFY(registry.removeObject(&foo));
    QVERIFY(wasRegistered);
    QVERIFY(!registry.contains(&foo));
    QVERIFY(!registry.removeObject(&foo));
    QCOMPARE(registry.object<IFoo>(), nullptr);
}

void TestServiceRegistry::deletedObjectsAreForgotten()
{
    ServiceRegistry registry;
    QSignalSpy removing(&registry, &ServiceRegistry::aboutToRemoveObject);
    auto *foo = new Foo(1);
    Foo kept(2);
    registry.addObject(foo);
    registry.addObject(&kept);
    delete foo;
    QCOMPARE(registry.allObjects(), QList<QObject *>{&kept});
    QCOMPARE(registry.object<IFoo>()->foo(), 2);
    QCOMPARE(removing.size(), 0); // a dying object is never handed to listeners

    // A removed object no longer reports its death to the registry.
    auto *later = new Foo(3);
    registry.addObject(later);
    QVERIFY(registry.removeObject(later));
    registry.addObject(later);
    QVERIFY(registry.removeObject(later));
    delete later;
    QCOMPARE(registry.allObjects().size(), 1);
}

void TestServiceRegistry::objectsMayOutliveTheRegistry()
{
    Foo foo(1);
    {
        ServiceRegistry registry;
        registry.addObject(&foo);
    }
    // ~Foo must not reach the deleted registry (ASan in the ci preset).
}

void TestServiceRegistry::lookupsFromOtherThreads()
{
    ServiceRegistry registry;
    std::vector<std::unique_ptr<Foo>> foos;
    for (int i = 0; i < 50; ++i)
        foos.push_back(std::make_unique<Foo>(i));
    registry.addObject(foos.front().get());

    std::atomic<bool> stop = false;
    std::atomic<int> missing = 0;
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back([&] {
            while (!stop) {
                if (!registry.object<IFoo>())
                    ++missing;
                (void) registry.objects<IFoo>().size();
            }
        });
    }
    for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 1; i < foos.size(); ++i)
            registry.addObject(foos[i].get());
        for (std::size_t i = 1; i < foos.size(); ++i)
            registry.removeObject(foos[i].get());
    }
    stop = true;
    for (std::thread &reader : readers)
        reader.join();
    QCOMPARE(missing.load(), 0); // the first object was there the whole time
    QCOMPARE(registry.allObjects().size(), 1);
}

QTEST_GUILESS_MAIN(TestServiceRegistry)
#include "tst_serviceregistry.moc"
