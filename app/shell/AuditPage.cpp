#include "AuditPage.h"

#include "AuditTableModel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tambo::shell {

AuditPage::AuditPage(RowsProvider rows, Verifier verify, QWidget *parent)
    : QWidget(parent)
    , m_rows(std::move(rows))
    , m_verify(std::move(verify))
{
    build();
}

AuditPage::AuditPage(core::AuditLog &log, const core::Session &session, QWidget *parent)
    : AuditPage([&log, session](int limit,
                                QString *error) { return log.recent(session, limit, error); },
                [&log] { return log.verify(); },
                parent)
{}

void AuditPage::build()
{
    setObjectName(QStringLiteral("auditPage"));
    m_model = new AuditTableModel(this);

    auto *title = new QLabel(tr("Audit log"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Every change made through Tambo leaves a row here. Each row "
                                "carries the fingerprint of the one before it, so an edited, "
                                "deleted or reordered row is found by \"Verify chain\"."),
                             this);
    intro->setWordWrap(true);

    m_verifyButton = new QPushButton(QIcon(QStringLiteral(":/tambo/icons/audit.svg")),
                                     tr("&Verify chain"),
                                     this);
    m_verifyButton->setObjectName(QStringLiteral("verifyChainButton"));
    auto *reloadButton = new QPushButton(QIcon(QStringLiteral(":/tambo/icons/refresh.svg")),
                                         tr("&Refresh"),
                                         this);
    reloadButton->setShortcut(QKeySequence::Refresh);
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(reloadButton, &QPushButton::clicked, this, &AuditPage::reload);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditCount"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_verifyButton);
    bar->addWidget(reloadButton);
    bar->addStretch();
    bar->addWidget(m_count);

    m_report_label = new QLabel(this);
    m_report_label->setObjectName(QStringLiteral("auditReport"));
    m_report_label->setWordWrap(true);
    m_report_label->setTextFormat(Qt::PlainText);
    m_report_label->hide();

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(AuditTableModel::Entity, QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_report_label);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    reload();
}

bool AuditPage::reload()
{
    QString error;
    const QList<core::AuditLog::Row> rows = m_rows ? m_rows(RowLimit, &error)
                                                   : QList<core::AuditLog::Row>{};
    m_model->setRows(rows);
    for (int column : {AuditTableModel::Seq,
                       AuditTableModel::At,
                       AuditTableModel::Actor,
                       AuditTableModel::Action,
                       AuditTableModel::Device}) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, m_view->columnWidth(column) + 16);
    }
    if (!error.isEmpty()) {
        m_count->setText(tr("The audit log cannot be read: %1").arg(error));
        return false;
    }
    m_count->setText(rows.size() >= RowLimit
                         ? tr("Showing the newest %n row(s)", nullptr, int(rows.size()))
                         : tr("%n row(s)", nullptr, int(rows.size())));
    return true;
}

QString AuditPage::reportText() const
{
    return m_report_label->isHidden() ? QString() : m_report_label->text();
}

bool AuditPage::verifyChain()
{
    if (!m_verify)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_report = m_verify();
    QApplication::restoreOverrideCursor();

    QString text = m_report.message;
    if (text.isEmpty()) {
        text = m_report.ok() ? tr("The chain is intact: %n row(s) checked.",
                                  nullptr,
                                  int(m_report.rowsChecked))
                             : tr("The chain is broken at row %1.").arg(m_report.firstBadSeq);
    }
    m_report_label->setText(text);
    m_report_label->setStyleSheet(
        m_report.ok() ? QStringLiteral("QLabel { background: #e9f5ec; border: 1px solid #b9dfc3;"
                                       " border-radius: 4px; padding: 6px; color: #1e5631; }")
                      : QStringLiteral("QLabel { background: #fdecea; border: 1px solid #f5c2bd;"
                                       " border-radius: 4px; padding: 6px; color: #8a1c12; }"));
    m_report_label->show();
    m_model->setBadSeq(m_report.ok() ? 0 : m_report.firstBadSeq);
    if (!m_report.ok()) {
        const int row = m_model->rowOfSeq(m_report.firstBadSeq);
        if (row >= 0)
            m_view->scrollTo(m_model->index(row, 0));
    }
    return m_report.ok();
}

} // namespace tambo::shell
