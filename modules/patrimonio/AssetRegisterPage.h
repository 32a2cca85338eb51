#pragma once

#include "ScanSession.h"
#include "ScannerInput.h"

#include <QWidget>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class AssetDetailView;
class AssetFilterProxyModel;
class AssetImporter;
class AssetRepository;
class AssetTableModel;
class ImageScanAction;
class LabelPrintDialog;
class LabelProfileCatalog;
class LabelService;
class ScanBanner;

// "Bienes patrimoniales": the register with search as you type (Ctrl+F), filters by sede, área,
// estado and responsable, a sortable table and the selected asset's details and history. A
// scan anywhere on the page opens the asset (filters that hide it are cleared); repeated and
// unknown scans are flagged as on the scan page. Several rows can be selected (Shift/Ctrl+arrows,
// Ctrl+A) to print their labels (Ctrl+P); "Read from image…" (Ctrl+O) reads a label's photo.
class AssetRegisterPage : public QWidget
{
    Q_OBJECT

public:
    AssetRegisterPage(AssetRepository &repository,
                      const core::Session &session,
                      std::shared_ptr<ScanSession> scans,
                      const ScannerInput::Config &scanner,
                      QWidget *parent = nullptr);
    ~AssetRegisterPage() override;

    // Reads the register again (one query); keeps the selection when the asset is still there.
    bool reload();
    // Selects the asset and shows it; clears the search and filters when they hide it. False
    // for a code that is not in the list.
    bool showAsset(const QString &codigo);
    // What a scan does on this page.
    ScanSession::Result handleScan(const QString &input);
    void setBeep(std::function<void()> beep) { m_beep = std::move(beep); }
    // Enables "Import…" (Ctrl+I) for sessions that may register assets; opens ImportDialog.
    void setImporter(AssetImporter *importer);
    void openImportDialog();

    // Enables "Print labels…" (Ctrl+P) for the selected assets. Without it the action is hidden.
    void setLabelPrinting(const LabelService *labels,
                          std::shared_ptr<const LabelProfileCatalog> profiles);
    // The códigos of the selected rows, in the order shown.
    QStringList selectedCodigos() const;
    // Opens the label dialog (window-modal, deletes itself on close) for the selection; null
    // (and a message in the banner) when nothing is selected or printing is not enabled.
    LabelPrintDialog *printLabels();
    QPushButton *printLabelsButton() const { return m_printLabels; }
    ImageScanAction *imageScanAction() const { return m_imageScan; }

    AssetTableModel *model() const { return m_model; }
    AssetFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    AssetDetailView *detail() const { return m_detail; }
    ScanBanner *banner() const { return m_banner; }
    ScannerInput *scanner() const { return m_scanner; }
    QString lastError() const { return m_lastError; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fillFilters();
    void fillAreas();
    void fillResponsables();
    void applyFilters();
    void updateCount();
    void showCurrent();

    AssetRepository &m_repository;
    const core::Session &m_session;
    std::shared_ptr<ScanSession> m_scans;
    AssetTableModel *m_model = nullptr;
    AssetFilterProxyModel *m_proxy = nullptr;
    ScannerInput *m_scanner = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QComboBox *m_sede = nullptr;
    QComboBox *m_area = nullptr;
    QComboBox *m_estado = nullptr;
    QComboBox *m_responsable = nullptr;
    QLabel *m_count = nullptr;
    ScanBanner *m_banner = nullptr;
    QTableView *m_view = nullptr;
    AssetDetailView *m_detail = nullptr;
    QPushButton *m_printLabels = nullptr;
    QHBoxLayout *m_actions = nullptr; // the one row of action buttons, under the filters
    ImageScanAction *m_imageScan = nullptr;
    const LabelService *m_labels = nullptr;
    std::shared_ptr<const LabelProfileCatalog> m_profiles;
    QList<Place> m_areas;
    QString m_lastError;
    std::function<void()> m_beep;
    AssetImporter *m_importer = nullptr;
    QAction *m_importAction = nullptr;
};

} // namespace tambo::patrimonio
