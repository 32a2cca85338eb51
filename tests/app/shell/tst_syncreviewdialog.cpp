#include "SyncReviewDialog.h"
#include "SyncReviewModel.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using tambo::shell::SyncReviewDialog;
using tambo::shell::SyncReviewModel;

class TestSyncReviewDialog : public QObject
{
    Q_OBJECT

private slots:
    void summaryFollowsTheModel()
    {
        SyncReviewModel model;
        SyncReviewDialog dialog(&model);
        QVERIFY(dialog.summaryText().contains(QStringLiteral("accepted every change")));
        model.setItems({{7, "t", "a2", "insert", "out_of_scope", "No puede…"}}, {});
        QVERIFY(dialog.summaryText().contains(QStringLiteral("1 change(s) refused")));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("0 conflict(s)")));
        QCOMPARE(dialog.view()->model()->rowCount(), 1);
    }

    void syncNowAndCloseFromTheKeyboard()
    {
        SyncReviewModel model;
        SyncReviewDialog dialog(&model);
        QSignalSpy syncNow(&dialog, &SyncReviewDialog::syncNowRequested);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("syncNowButton"));
        QVERIFY(button);
        // Tab from the list to the button, then Space.
        dialog.view()->setFocus();
        for (int i = 0; i < 5 && QApplication::focusWidget() != button; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), button);
        QTest::keyClick(button, Qt::Key_Space);
        QCOMPARE(syncNow.size(), 1);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }

    void resolveLeadsToThePageWhenAllowed()
    {
        SyncReviewModel model;
        SyncReviewDialog dialog(&model);
        QSignalSpy resolve(&dialog, &SyncReviewDialog::resolveRequested);
        dialog.show();
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("resolveButton"));
        QVERIFY(button);
        QVERIFY(!button->isVisible()); // only for a session that may resolve
        dialog.setResolveAvailable(true);
        QVERIFY(button->isVisible());
        button->click();
        QCOMPARE(resolve.size(), 1);
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestSyncReviewDialog)
#include "tst_syncreviewdialog.moc"
