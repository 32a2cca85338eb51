#include "CampaignDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tambo::patrimonio {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

CampaignDialog::CampaignDialog(const QList<Place> &sedes,
                               const QList<Place> &areas,
                               int year,
                               QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_year(new QSpinBox(this))
    , m_cutoff(new QDateEdit(this))
    , m_comision(new QPlainTextEdit(this))
    , m_scope(new QTreeWidget(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("campaignDialog"));
    setWindowTitle(tr("New inventory campaign"));
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setText(tr("Inventory %1").arg(year));
    m_year->setObjectName(QStringLiteral("campaignYear"));
    m_year->setRange(2000, 2100);
    m_year->setValue(year);
    m_cutoff->setObjectName(QStringLiteral("campaignCutoff"));
    m_cutoff->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_cutoff->setCalendarPopup(true);
    m_cutoff->setDate(Campaigns::defaultCutoff(year));
    connect(m_year, &QSpinBox::valueChanged, this, [this](int y) {
        m_cutoff->setDate(Campaigns::defaultCutoff(y));
    });
    m_comision->setObjectName(QStringLiteral("campaignComision"));
    m_comision->setTabChangesFocus(true);
    m_comision->setPlaceholderText(tr("One member a line: SURNAMES, names; role"));
    m_comision->setFixedHeight(m_comision->fontMetrics().height() * 6);
    m_scope->setObjectName(QStringLiteral("campaignScope"));
    m_scope->setHeaderHidden(true);
    m_scope->setAccessibleName(tr("Scope: sedes and areas"));
    for (const Place &s : sedes) {
        auto *sede = new QTreeWidgetItem(m_scope, {s.name});
        sede->setData(0, IdRole, s.id);
        sede->setFlags(sede->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        sede->setCheckState(0, Qt::Unchecked);
        for (const Place &a : areas) {
            if (a.sedeId != s.id)
                continue;
            auto *area = new QTreeWidgetItem(sede, {a.name});
            area->setData(0, IdRole, a.id);
            area->setFlags(area->flags() | Qt::ItemIsUserCheckable);
            area->setCheckState(0, Qt::Unchecked);
        }
    }
    m_error->setObjectName(QStringLiteral("campaignError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #9c1c1c; font-weight: bold;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Year:"), m_year);
    form->addRow(tr("&Cut-off date:"), m_cutoff);
    form->addRow(tr("Co&misión:"), m_comision);
    auto *scopeLabel = new QLabel(tr("&Scope (space bar checks; nothing checked = every sede):"),
                                  this);
    scopeLabel->setBuddy(m_scope);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(scopeLabel);
    layout->addWidget(m_scope, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, 640);
    m_name->setFocus();
    m_name->selectAll();
}

bool CampaignDialog::checkPlace(const QString &id)
{
    for (QTreeWidgetItemIterator it(m_scope); *it; ++it) {
        if ((*it)->data(0, IdRole).toString() == id) {
            (*it)->setCheckState(0, Qt::Checked);
            return true;
        }
    }
    return false;
}

Campaign CampaignDialog::campaign() const
{
    Campaign c;
    c.name = m_name->text().simplified();
    c.year = m_year->value();
    c.cutoff = m_cutoff->date();
    for (const QString &line : m_comision->toPlainText().split(u'\n')) {
        const QString text = line.trimmed();
        if (text.isEmpty())
            continue;
        const int sep = int(text.lastIndexOf(u';'));
        if (sep < 0)
            c.comision.append({text, QString()});
        else
            c.comision.append({text.left(sep).trimmed(), text.mid(sep + 1).trimmed()});
    }
    for (int i = 0; i < m_scope->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *sede = m_scope->topLevelItem(i);
        if (sede->checkState(0) == Qt::Checked) {
            c.sedeIds << sede->data(0, IdRole).toString();
            continue;
        }
        for (int j = 0; j < sede->childCount(); ++j) {
            if (sede->child(j)->checkState(0) == Qt::Checked)
                c.areaIds << sede->child(j)->data(0, IdRole).toString();
        }
    }
    return c;
}

void CampaignDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace tambo::patrimonio
