#pragma once

#include "Asset.h"
#include "Movement.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class MovementRepository;

// "Proponer movimiento": the kind, the assets (códigos typed or scanned, one per line), the
// destination (sede, área, ambiente, responsable), the new estado, the resolution of a baja and
// the reason. Accepting calls MovementRepository::propose(); a refusal is shown in the dialog.
class MovementProposalDialog : public QDialog
{
    Q_OBJECT

public:
    MovementProposalDialog(MovementRepository &movements,
                           const core::Session &session,
                           const QList<Place> &sedes,
                           const QList<Place> &areas,
                           QWidget *parent = nullptr);

    void setCodigos(const QStringList &codigos);
    // Proposes what the form holds; true and accept() on success.
    bool propose();
    const Movement &movement() const { return m_movement; }
    QLabel *errorLabel() const { return m_error; }

    QComboBox *kindCombo() const { return m_kind; }
    QPlainTextEdit *codigosField() const { return m_codigos; }
    QComboBox *sedeCombo() const { return m_sede; }
    QComboBox *areaCombo() const { return m_area; }
    QLineEdit *responsableField() const { return m_responsable; }
    QLineEdit *resolucionField() const { return m_resolucion; }

private:
    void fillAreas();
    void kindChanged();

    MovementRepository &m_movements;
    const core::Session &m_session;
    QList<Place> m_areas;
    Movement m_movement;
    QComboBox *m_kind = nullptr;
    QPlainTextEdit *m_codigos = nullptr;
    QComboBox *m_sede = nullptr;
    QComboBox *m_area = nullptr;
    QLineEdit *m_ambiente = nullptr;
    QLineEdit *m_responsable = nullptr;
    QComboBox *m_estado = nullptr;
    QLineEdit *m_resolucion = nullptr;
    QLineEdit *m_motivo = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace tambo::patrimonio
