#include "PatrimonioPlugin.h"

#include <QFile>
#include <QIcon>
#include <QSet>
#include <QtTest>

using tambo::patrimonio::PatrimonioPlugin;

// What the shell reads off the patrimonio plugin: its pages, each with an icon of its own that
// is really in the resources (a clerk tells the pages apart in the navigation by them), and the
// synced tables, each declared once.
class TestPatrimonioPlugin : public QObject
{
    Q_OBJECT

private slots:
    void everyPageHasItsOwnIcon()
    {
        PatrimonioPlugin plugin;
        QSet<QString> icons;
        QSet<QString> ids;
        const auto pages = plugin.pages();
        QVERIFY(pages.size() >= 5);
        for (const auto &page : pages) {
            QVERIFY2(!ids.contains(page.id), qPrintable(page.id));
            ids.insert(page.id);
            QVERIFY2(QFile::exists(page.iconName), qPrintable(page.id + u' ' + page.iconName));
            QVERIFY2(!QIcon(page.iconName).pixmap(24, 24).isNull(), qPrintable(page.iconName));
            QVERIFY2(!icons.contains(page.iconName),
                     qPrintable(page.id + QStringLiteral(" reuses ") + page.iconName));
            icons.insert(page.iconName);
        }
        QVERIFY(ids.contains(QStringLiteral("patrimonio.movements")));
    }

    void syncedTablesAreDeclaredOnce()
    {
        PatrimonioPlugin plugin;
        QSet<QString> tables;
        for (const auto &t : plugin.syncedTables()) {
            QVERIFY2(!tables.contains(t.table), qPrintable(t.table));
            tables.insert(t.table);
            // A table scoped through a parent names both the parent and the column.
            QCOMPARE(t.scopeParentTable.isEmpty(), t.scopeParentColumn.isEmpty());
        }
        QVERIFY(tables.contains(QStringLiteral("patrimonio_assets")));
    }
};

QTEST_MAIN(TestPatrimonioPlugin)
#include "tst_patrimonioplugin.moc"
