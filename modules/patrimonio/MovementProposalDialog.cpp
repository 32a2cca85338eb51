#include "MovementProposalDialog.h"

#include "MovementRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace tambo::patrimonio {

MovementProposalDialog::MovementProposalDialog(MovementRepository &movements,
                                               const core::Session &session,
                                               const QList<Place> &sedes,
                                               const QList<Place> &areas,
                                               QWidget *parent)
    : QDialog(parent)
    , m_movements(movements)
    , m_session(session)
    , m_areas(areas)
    , m_kind(new QComboBox(this))
    , m_codigos(new QPlainTextEdit(this))
    , m_sede(new QComboBox(this))
    , m_area(new QComboBox(this))
    , m_ambiente(new QLineEdit(this))
    , m_responsable(new QLineEdit(this))
    , m_estado(new QComboBox(this))
    , m_resolucion(new QLineEdit(this))
    , m_motivo(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("movementProposalDialog"));
    setWindowTitle(tr("Propose a movement"));
    for (const MovementKind k : {MovementKind::Asignacion,
                                 MovementKind::Desplazamiento,
                                 MovementKind::Devolucion,
                                 MovementKind::Baja}) {
        m_kind->addItem(MovementRepository::kindTitle(k), int(k));
    }
    m_codigos->setTabChangesFocus(true);
    m_codigos->setPlaceholderText(tr("One código patrimonial per line (type or scan)"));
    m_codigos->setMaximumHeight(110);
    m_sede->addItem(tr("(unchanged)"), QString());
    for (const Place &p : sedes)
        m_sede->addItem(p.name, p.id);
    m_estado->addItem(tr("(unchanged)"), QString());
    for (const Estado e : Estados::all())
        m_estado->addItem(QStringLiteral("%1 (%2)").arg(Estados::title(e), Estados::code(e)),
                          QString(Estados::code(e)));
    m_resolucion->setPlaceholderText(tr("e.g. R.G.A. N.º 123-2026-GA/MPT"));
    m_error->setObjectName(QStringLiteral("movementError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a00;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Movement:"), m_kind);
    form->addRow(tr("&Assets:"), m_codigos);
    form->addRow(tr("To &sede:"), m_sede);
    form->addRow(tr("To a&rea:"), m_area);
    form->addRow(tr("To r&oom:"), m_ambiente);
    form->addRow(tr("&Custodian:"), m_responsable);
    form->addRow(tr("New con&dition:"), m_estado);
    form->addRow(tr("Reso&lution:"), m_resolucion);
    form->addRow(tr("Rea&son:"), m_motivo);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Propose"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_sede, &QComboBox::currentIndexChanged, this, &MovementProposalDialog::fillAreas);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &MovementProposalDialog::kindChanged);
    connect(buttons, &QDialogButtonBox::accepted, this, &MovementProposalDialog::propose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fillAreas();
    kindChanged();
    m_kind->setFocus();
}

void MovementProposalDialog::setCodigos(const QStringList &codigos)
{
    m_codigos->setPlainText(codigos.join(u'\n'));
}

void MovementProposalDialog::fillAreas()
{
    const QString sede = m_sede->currentData().toString();
    m_area->clear();
    m_area->addItem(tr("(none)"), QString());
    for (const Place &p : std::as_const(m_areas)) {
        if (!sede.isEmpty() && p.sedeId == sede)
            m_area->addItem(p.name, p.id);
    }
    m_area->setEnabled(!sede.isEmpty());
}

void MovementProposalDialog::kindChanged()
{
    const auto kind = MovementKind(m_kind->currentData().toInt());
    m_resolucion->setEnabled(kind == MovementKind::Baja);
    m_responsable->setEnabled(kind != MovementKind::Baja);
}

bool MovementProposalDialog::propose()
{
    Movement m;
    m.kind = MovementKind(m_kind->currentData().toInt());
    m.toSedeId = m_sede->currentData().toString();
    m.toAreaId = m_area->currentData().toString();
    m.toAmbiente = m_ambiente->text();
    if (m.kind != MovementKind::Baja)
        m.toResponsable = m_responsable->text();
    if (const auto e = Estados::fromCode(m_estado->currentData().toString()))
        m.toEstado = e;
    if (m.kind == MovementKind::Baja)
        m.resolucion = m_resolucion->text();
    m.motivo = m_motivo->text();
    static const QRegularExpression separators(QStringLiteral("[\\n,;\\t]+"));
    QStringList codigos;
    for (const QString &part : m_codigos->toPlainText().split(separators, Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            codigos << part.trimmed();
    }
    QString error;
    if (!m_movements.propose(m_session, &m, codigos, &error)) {
        m_error->setText(error);
        return false;
    }
    m_movement = m;
    m_error->clear();
    accept();
    return true;
}

} // namespace tambo::patrimonio
