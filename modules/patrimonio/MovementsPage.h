#pragma once

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class AssetRepository;
class MovementRepository;
class MovementTableModel;

// "Movimientos": the movements of assets, pending proposals first (Alt+O shows only those).
// Alt+P proposes one (inventariador and jefe); the jefe de patrimonio approves the selected one
// (Alt+A) or rejects it with a reason (Alt+R); Alt+T saves the acta of an approved one as PDF.
class MovementsPage : public QWidget
{
    Q_OBJECT

public:
    MovementsPage(MovementRepository &movements,
                  AssetRepository &assets,
                  const core::Session &session,
                  QWidget *parent = nullptr);

    bool reload();
    bool approveSelected();
    bool rejectSelected();
    bool saveActaOfSelected();
    void proposeNew();

    // Seams for modal dialogs (tests set them): the rejection reason, the acta's file name.
    void setReasonAsker(std::function<QString()> ask) { m_askReason = std::move(ask); }
    void setActaPathChooser(std::function<QString()> choose) { m_choosePath = std::move(choose); }

    MovementTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QCheckBox *pendingOnly() const { return m_pendingOnly; }
    QLabel *message() const { return m_message; }
    QPushButton *approveButton() const { return m_approve; }

signals:
    void assetsChanged();

private:
    int selectedRow() const;
    void updateButtons();

    MovementRepository &m_movements;
    AssetRepository &m_assets;
    const core::Session &m_session;
    MovementTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QCheckBox *m_pendingOnly = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_propose = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_acta = nullptr;
    std::function<QString()> m_askReason;
    std::function<QString()> m_choosePath;
};

} // namespace tambo::patrimonio
