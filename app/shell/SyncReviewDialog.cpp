#include "SyncReviewDialog.h"

#include "SyncReviewModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tambo::shell {

SyncReviewDialog::SyncReviewDialog(SyncReviewModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("syncReviewDialog"));
    setWindowTitle(tr("Synchronization"));
    m_summary->setObjectName(QStringLiteral("syncReviewSummary"));
    m_summary->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("syncReviewView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *syncNow = buttons->addButton(tr("&Sync now"), QDialogButtonBox::ActionRole);
    syncNow->setObjectName(QStringLiteral("syncNowButton"));
    connect(syncNow, &QPushButton::clicked, this, &SyncReviewDialog::syncNowRequested);
    m_resolve = buttons->addButton(tr("&Resolve…"), QDialogButtonBox::ActionRole);
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_resolve->hide();
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        emit resolveRequested();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(760, 420);

    connect(m_model, &QAbstractItemModel::modelReset, this, &SyncReviewDialog::refreshSummary);
    refreshSummary();
}

void SyncReviewDialog::setResolveAvailable(bool available)
{
    m_resolve->setVisible(available);
}

QString SyncReviewDialog::summaryText() const
{
    return m_summary->text();
}

void SyncReviewDialog::refreshSummary()
{
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("The server accepted every change of this PC."));
        return;
    }
    m_summary->setText(tr("%n change(s) refused by the server", nullptr, m_model->rejectedCount())
                       + QStringLiteral(" · ")
                       + tr("%n conflict(s) recorded", nullptr, m_model->conflictCount())
                       + QStringLiteral("\n")
                       + tr("Refused changes stay on this PC; tell the OTIC office if one is "
                            "needed on the server."));
}

} // namespace tambo::shell
