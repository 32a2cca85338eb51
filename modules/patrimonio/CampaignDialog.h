#pragma once

#include "Asset.h"
#include "Campaign.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;
QT_END_NAMESPACE

namespace tambo::patrimonio {

// "Nueva campaña de inventario": name, year, fecha de corte (31 December unless changed), the
// comisión (one member a line, "name; role") and the scope (sedes with their áreas, checked
// with the space bar: a sede checked whole, or some of its áreas). All from the keyboard.
class CampaignDialog : public QDialog
{
    Q_OBJECT

public:
    CampaignDialog(const QList<Place> &sedes,
                   const QList<Place> &areas,
                   int year,
                   QWidget *parent = nullptr);

    Campaign campaign() const;
    // Marks an error under the form (the page shows what the repository refused).
    void showError(const QString &text);

    QLineEdit *nameField() const { return m_name; }
    QSpinBox *yearField() const { return m_year; }
    QDateEdit *cutoffField() const { return m_cutoff; }
    QPlainTextEdit *comisionField() const { return m_comision; }
    QTreeWidget *scopeTree() const { return m_scope; }
    // Checks the sede (whole) or área with this id in the scope tree.
    bool checkPlace(const QString &id);

private:
    QLineEdit *m_name = nullptr;
    QSpinBox *m_year = nullptr;
    QDateEdit *m_cutoff = nullptr;
    QPlainTextEdit *m_comision = nullptr;
    QTreeWidget *m_scope = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tambo::patrimonio
