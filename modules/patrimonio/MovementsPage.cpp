#include "MovementsPage.h"

#include "AssetRepository.h"
#include "MovementActa.h"
#include "MovementProposalDialog.h"
#include "MovementRepository.h"
#include "MovementTableModel.h"
#include "PatrimonioPermissions.h"

#include "auth/Session.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace tambo::patrimonio {

MovementsPage::MovementsPage(MovementRepository &movements,
                             AssetRepository &assets,
                             const core::Session &session,
                             QWidget *parent)
    : QWidget(parent)
    , m_movements(movements)
    , m_assets(assets)
    , m_session(session)
    , m_model(new MovementTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_pendingOnly(new QCheckBox(tr("&Only pending proposals"), this))
    , m_message(new QLabel(this))
    , m_propose(new QPushButton(tr("&Propose…"), this))
    , m_approve(new QPushButton(tr("&Approve"), this))
    , m_reject(new QPushButton(tr("&Reject…"), this))
    , m_acta(new QPushButton(tr("Ac&ta PDF…"), this))
{
    setObjectName(QStringLiteral("patrimonioMovementsPage"));
    QHash<QString, QString> sedes;
    QHash<QString, QString> areas;
    for (const Place &p : m_assets.sedes())
        sedes.insert(p.id, p.name);
    for (const Place &p : m_assets.areas())
        areas.insert(p.id, p.name);
    m_model->setPlaceNames(sedes, areas);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MovementTableModel::SortRole);
    m_proxy->setFilterRole(MovementTableModel::StatusKeyRole);
    m_proxy->setFilterKeyColumn(MovementTableModel::Status);

    m_view->setObjectName(QStringLiteral("movementTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MovementTableModel::ProposedAt, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Movements"));
    m_message->setObjectName(QStringLiteral("movementMessage"));
    m_message->setWordWrap(true);

    const bool canPropose = m_session.can(QString::fromLatin1(Permissions::Edit));
    const bool canApprove = m_session.can(QString::fromLatin1(Permissions::Approve));
    m_propose->setVisible(canPropose);
    m_approve->setVisible(canApprove);
    m_reject->setVisible(canApprove);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pendingOnly);
    buttons->addStretch(1);
    buttons->addWidget(m_propose);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_acta);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_pendingOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setFilterFixedString(on ? MovementTableModel::statusKey(MovementStatus::Pendiente)
                                         : QString());
        updateButtons();
    });
    connect(m_propose, &QPushButton::clicked, this, &MovementsPage::proposeNew);
    connect(m_approve, &QPushButton::clicked, this, &MovementsPage::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &MovementsPage::rejectSelected);
    connect(m_acta, &QPushButton::clicked, this, &MovementsPage::saveActaOfSelected);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &MovementsPage::updateButtons);
    reload();
}

bool MovementsPage::reload()
{
    QString error;
    const QList<Movement> list = m_movements.list(m_session, false, &error);
    if (!error.isEmpty()) {
        m_message->setText(error);
        return false;
    }
    m_model->setMovements(list);
    m_view->resizeColumnsToContents();
    // Places and custodians can be long: keep every column on screen (the tooltip and the
    // acta show the whole text).
    for (const int column : {MovementTableModel::From, MovementTableModel::To})
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), 300));
    updateButtons();
    return true;
}

int MovementsPage::selectedRow() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return -1;
    return m_proxy->mapToSource(current).row();
}

void MovementsPage::updateButtons()
{
    const int row = selectedRow();
    const bool pending = row >= 0 && m_model->movementAt(row).status == MovementStatus::Pendiente;
    m_approve->setEnabled(pending);
    m_reject->setEnabled(pending);
    m_acta->setEnabled(row >= 0 && m_model->movementAt(row).status == MovementStatus::Aprobado);
}

void MovementsPage::proposeNew()
{
    MovementProposalDialog dialog(m_movements, m_session, m_assets.sedes(), m_assets.areas(), this);
    if (dialog.exec() == QDialog::Accepted) {
        m_message->setText(tr("Proposal registered; the jefe de patrimonio must approve it."));
        reload();
    }
}

bool MovementsPage::approveSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return false;
    const QString id = m_model->movementAt(row).id;
    QString acta;
    QString error;
    if (!m_movements.approve(m_session, id, &acta, &error)) {
        m_message->setText(error);
        return false;
    }
    m_message->setText(tr("Approved: acta %1. The assets and their history are updated.").arg(acta));
    reload();
    const int again = m_model->rowOfId(id);
    if (again >= 0)
        m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(again, 0)));
    emit assetsChanged();
    return true;
}

bool MovementsPage::rejectSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return false;
    const QString reason = m_askReason ? m_askReason()
                                       : QInputDialog::getText(this,
                                                               tr("Reject movement"),
                                                               tr("Reason for the rejection:"));
    if (reason.trimmed().isEmpty())
        return false;
    QString error;
    if (!m_movements.reject(m_session, m_model->movementAt(row).id, reason, &error)) {
        m_message->setText(error);
        return false;
    }
    m_message->setText(tr("Movement rejected; the assets do not change."));
    reload();
    return true;
}

bool MovementsPage::saveActaOfSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return false;
    const Movement &m = m_model->movementAt(row);
    const QString suggested = QDir::home().filePath(QStringLiteral("acta-%1.pdf").arg(m.acta));
    const QString path = m_choosePath ? m_choosePath()
                                      : QFileDialog::getSaveFileName(this,
                                                                     tr("Save acta"),
                                                                     suggested,
                                                                     tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return false;
    MovementActa::Names names;
    for (const Place &p : m_assets.sedes())
        names.sedes.insert(p.id, p.name);
    for (const Place &p : m_assets.areas())
        names.areas.insert(p.id, p.name);
    QString error;
    if (!MovementActa::writePdf(m, names, path, &error)) {
        m_message->setText(error);
        return false;
    }
    m_message->setText(tr("Acta saved in %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace tambo::patrimonio
