#pragma once

#include "Asset.h"
#include "Campaign.h"
#include "CampaignReport.h"

#include <QWidget>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class AssetRepository;
class CampaignFilterProxyModel;
class CampaignRepository;
class CampaignTableModel;
class LabelPrintDialog;
class LabelProfileCatalog;
class LabelService;

// "Campañas de inventario": the campaigns with a filter (Ctrl+F) and a state filter, sortable.
// The jefe de patrimonio creates (Ctrl+N), starts (Ctrl+Shift+S) and closes (Ctrl+Shift+C) a
// campaign; closing freezes the outcomes and writes the acta, the informe final (PDF) and the
// CSV for contabilidad into the output folder; Ctrl+E writes them again for a closed campaign.
// The repository checks the permissions again; the actions are hidden from other roles.
class CampaignListPage : public QWidget
{
    Q_OBJECT

public:
    CampaignListPage(CampaignRepository &campaigns,
                     AssetRepository &assets,
                     const core::Session &session,
                     QWidget *parent = nullptr);

    // Where documents go (default: Documents/Tambo/Inventario).
    void setOutputDirectory(const QString &dir) { m_outputDir = dir; }
    QString outputDirectory() const { return m_outputDir; }
    // Asks yes/no before closing (default: a QMessageBox): a seam for tests.
    void setConfirm(std::function<bool(const QString &)> confirm)
    {
        m_confirm = std::move(confirm);
    }

    CampaignTableModel *model() const { return m_model; }
    CampaignFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterField() const { return m_filter; }
    QComboBox *stateFilter() const { return m_state; }
    QString messageText() const;
    QAction *newAction() const { return m_new; }
    QAction *startAction() const { return m_start; }
    QAction *closeAction() const { return m_close; }
    QAction *exportAction() const { return m_export; }
    // Labels for the bienes of the current campaign's scope (to label a sede before the toma):
    // Ctrl+P, for everyone who may see the page; printing changes nothing in the store.
    void setLabelPrinting(const LabelService *labels,
                          std::shared_ptr<const LabelProfileCatalog> profiles);
    QAction *labelsAction() const { return m_labelsAction; }
    // The registered códigos in the campaign's scope, in código order.
    QStringList scopeCodigos(const QString &campaignId, QString *error = nullptr) const;
    CampaignReport::Files lastFiles() const { return m_lastFiles; }

    // The paths the actions take, without dialogs.
    bool createCampaign(Campaign campaign);
    bool selectCampaign(const QString &id);
    QString currentId() const;

public slots:
    bool reload();
    void showNewCampaignDialog();
    bool startCurrent();
    bool closeCurrent();
    bool exportCurrent();
    LabelPrintDialog *printCampaignLabels();

signals:
    void campaignsChanged();

private:
    void showMessage(const QString &text, bool error);
    void updateActions();
    QHash<QString, QString> sedeNames() const;
    QHash<QString, QString> areaNames() const;

    CampaignRepository &m_campaigns;
    AssetRepository &m_assets;
    const core::Session &m_session;
    CampaignTableModel *m_model = nullptr;
    CampaignFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_new = nullptr;
    QAction *m_start = nullptr;
    QAction *m_close = nullptr;
    QAction *m_export = nullptr;
    QAction *m_labelsAction = nullptr;
    const LabelService *m_labels = nullptr;
    std::shared_ptr<const LabelProfileCatalog> m_profiles;
    QString m_outputDir;
    std::function<bool(const QString &)> m_confirm;
    CampaignReport::Files m_lastFiles;
    QList<Place> m_sedes;
    QList<Place> m_areas;
};

} // namespace tambo::patrimonio
