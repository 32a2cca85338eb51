#pragma once

#include "CampaignTally.h"
#include "ScannerInput.h"

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class AssetRepository;
class CampaignRepository;
class CampaignResultModel;
class InventoryProgressModel;
class ScanBanner;

// "Toma de inventario": a team chooses the campaign and the ambiente where it stands (from the
// lists, or by scanning the ambiente's AMB- label), then scans the bienes. A scan is taken
// wherever the focus is on this page (ScannerInput); typing a code and Enter does the same; the
// field clears itself. Each scan is recorded at once (CampaignRepository::recordScan) and said
// in the banner: found, found elsewhere (with the registered place), not in the register or
// outside the scope (sobrante), and a código already scanned in the campaign is flagged to the
// eye (banner) and the ear (beep) and counted once. The progress per área and ambiente and the
// outcome lists follow every scan. F5 reads the store again (scans synced from other teams).
class InventoryPage : public QWidget
{
    Q_OBJECT

public:
    enum class ScanKind {
        Found,     // encontrado
        Elsewhere, // encontrado en otro lugar
        Repeated,  // already scanned in this campaign
        NotInRegister,
        OutOfScope,  // registered outside the campaign's scope
        PlaceChosen, // an ambiente label
        Refused,     // no campaign or ambiente, malformed code, campaign not in progress…
    };
    Q_ENUM(ScanKind)

    InventoryPage(CampaignRepository &campaigns,
                  AssetRepository &assets,
                  const core::Session &session,
                  const ScannerInput::Config &scanner,
                  QWidget *parent = nullptr);
    ~InventoryPage() override;

    void setBeep(std::function<void()> beep) { m_beep = std::move(beep); }

    // What a scan (or Enter in the field) does.
    ScanKind handleCode(const QString &input);
    bool selectCampaign(const QString &campaignId);
    bool setPlace(const InventoryPlace &place);
    InventoryPlace place() const { return m_place; }
    QString campaignId() const;
    const CampaignTally &tally() const { return m_tally; }

    QComboBox *campaignBox() const { return m_campaign; }
    QComboBox *areaBox() const { return m_area; }
    QComboBox *ambienteBox() const { return m_ambiente; }
    QComboBox *estadoBox() const { return m_estado; }
    QComboBox *outcomeFilter() const { return m_outcomeFilter; }
    QLineEdit *scanField() const { return m_field; }
    ScanBanner *banner() const { return m_banner; }
    QLabel *placeLabel() const { return m_placeLabel; }
    QLabel *totalsLabel() const { return m_totals; }
    ScannerInput *scanner() const { return m_scanner; }
    InventoryProgressModel *progressModel() const { return m_progress; }
    CampaignResultModel *resultModel() const { return m_results; }
    QSortFilterProxyModel *resultProxy() const { return m_resultProxy; }
    QTreeView *progressView() const { return m_progressView; }
    QTableView *resultView() const { return m_resultView; }

public slots:
    bool reload();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fillCampaigns();
    void loadCampaign();
    void fillAreas();
    void fillAmbientes();
    void choosePlaceFromBoxes();
    void refreshViews();
    QString placeText(const InventoryPlace &place) const;
    ScanKind refuse(const QString &message);

    CampaignRepository &m_campaigns;
    AssetRepository &m_assets;
    const core::Session &m_session;
    CampaignTally m_tally;
    InventoryPlace m_place;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
    ScannerInput *m_scanner = nullptr;
    QComboBox *m_campaign = nullptr;
    QComboBox *m_area = nullptr;
    QComboBox *m_ambiente = nullptr;
    QPushButton *m_here = nullptr;
    QComboBox *m_estado = nullptr;
    QLineEdit *m_field = nullptr;
    ScanBanner *m_banner = nullptr;
    QLabel *m_placeLabel = nullptr;
    QLabel *m_totals = nullptr;
    InventoryProgressModel *m_progress = nullptr;
    QTreeView *m_progressView = nullptr;
    CampaignResultModel *m_results = nullptr;
    QSortFilterProxyModel *m_resultProxy = nullptr;
    QComboBox *m_outcomeFilter = nullptr;
    QTableView *m_resultView = nullptr;
    std::function<void()> m_beep;
    bool m_shownBefore = false;
};

} // namespace tambo::patrimonio
