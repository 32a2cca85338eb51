#pragma once

#include "ScanSession.h"
#include "ScannerInput.h"

#include <QWidget>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class AssetDetailView;
class AssetRepository;
class ImageScanAction;
class ScanBanner;

// "Escanear": scan labels one after the other. A scan is taken wherever the focus is on this
// page (ScannerInput), and typing a code in the field and pressing Enter does the same. Each
// code opens its asset at once; the field clears itself; a code already scanned in this login
// session is flagged in a highlighted banner and with a beep; an unknown or malformed code is
// said plainly (and beeps too).
class ScanPage : public QWidget
{
    Q_OBJECT

public:
    ScanPage(AssetRepository &repository,
             const core::Session &session,
             std::shared_ptr<ScanSession> scans,
             const ScannerInput::Config &scanner,
             QWidget *parent = nullptr);
    ~ScanPage() override;

    // What a scan or Enter in the field does; returns what happened.
    ScanSession::Result handleCode(const QString &input);

    // The sound for repeated and wrong scans (default QApplication::beep): a seam for tests.
    void setBeep(std::function<void()> beep) { m_beep = std::move(beep); }

    QLineEdit *scanField() const { return m_field; }
    ScanBanner *banner() const { return m_banner; }
    AssetDetailView *detail() const { return m_detail; }
    ScannerInput *scanner() const { return m_scanner; }
    QTreeWidget *recentScans() const { return m_recent; }
    // "Read from image…" (Ctrl+O): codes read from a picture go through handleCode().
    ImageScanAction *imageScanAction() const { return m_imageScan; }

signals:
    void assetOpened(const QString &codigo);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateCounter();
    void startOver();
    void imageNotRead(const QString &message);

    AssetRepository &m_repository;
    const core::Session &m_session;
    std::shared_ptr<ScanSession> m_scans;
    ScannerInput *m_scanner = nullptr;
    QLineEdit *m_field = nullptr;
    QPushButton *m_find = nullptr;
    ScanBanner *m_banner = nullptr;
    QLabel *m_counter = nullptr;
    QTreeWidget *m_recent = nullptr;
    AssetDetailView *m_detail = nullptr;
    ImageScanAction *m_imageScan = nullptr;
    std::function<void()> m_beep;
};

} // namespace tambo::patrimonio
