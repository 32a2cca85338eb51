#include "ScanPage.h"

#include "AssetDetailView.h"
#include "AssetRepository.h"
#include "ImageScanAction.h"
#include "ScanBanner.h"

#include "auth/Session.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTime>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tambo::patrimonio {

ScanPage::ScanPage(AssetRepository &repository,
                   const core::Session &session,
                   std::shared_ptr<ScanSession> scans,
                   const ScannerInput::Config &scanner,
                   QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_session(session)
    , m_scans(scans ? std::move(scans) : std::make_shared<ScanSession>(repository))
    , m_scanner(new ScannerInput(this))
    , m_field(new QLineEdit(this))
    , m_find(new QPushButton(tr("&Find"), this))
    , m_banner(new ScanBanner(this))
    , m_counter(new QLabel(this))
    , m_recent(new QTreeWidget(this))
    , m_detail(new AssetDetailView(this))
    , m_imageScan(new ImageScanAction(this))
    , m_beep([] { QApplication::beep(); })
{
    setObjectName(QStringLiteral("patrimonioScanPage"));

    auto *intro = new QLabel(tr("Scan the label of each asset: it opens at once, wherever the "
                                "cursor is. You can also type the 12-digit code and press Enter."),
                             this);
    intro->setWordWrap(true);

    auto *fieldLabel = new QLabel(tr("Código &patrimonial:"), this);
    fieldLabel->setBuddy(m_field);
    m_field->setObjectName(QStringLiteral("scanField"));
    m_field->setPlaceholderText(tr("Scan or type 12 digits and press Enter"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaxLength(40);
    m_field->setAccessibleName(tr("Código patrimonial to look up"));
    QFont big = m_field->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_field->setFont(big);
    m_find->setObjectName(QStringLiteral("scanFindButton"));
    auto *startOverButton = new QPushButton(tr("&Start over"), this);
    startOverButton->setObjectName(QStringLiteral("scanStartOver"));
    startOverButton->setToolTip(tr("Forget which codes were scanned, so none counts as repeated"));

    auto *fieldRow = new QHBoxLayout;
    fieldRow->addWidget(fieldLabel);
    fieldRow->addWidget(m_field, 1);
    fieldRow->addWidget(m_find);
    fieldRow->addWidget(startOverButton);
    auto *imageButton = new QToolButton(this);
    imageButton->setObjectName(QStringLiteral("scanFromImageButton"));
    imageButton->setDefaultAction(m_imageScan);
    imageButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    fieldRow->addWidget(imageButton);

    m_counter->setObjectName(QStringLiteral("scanCounter"));
    m_recent->setObjectName(QStringLiteral("recentScans"));
    m_recent->setRootIsDecorated(false);
    m_recent->setHeaderLabels({tr("Time"), tr("Code"), tr("Result")});
    m_recent->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_recent->setAccessibleName(tr("Scans of this session"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *recentLabel = new QLabel(tr("Scans of this &session:"), left);
    recentLabel->setBuddy(m_recent);
    leftLayout->addWidget(recentLabel);
    leftLayout->addWidget(m_recent, 1);
    leftLayout->addWidget(m_counter);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fieldRow);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_field);

    QHash<QString, QString> sedeNames;
    for (const Place &p : m_repository.sedes())
        sedeNames.insert(p.id, p.name);
    QHash<QString, QString> areaNames;
    for (const Place &p : m_repository.areas())
        areaNames.insert(p.id, p.name);
    m_detail->setPlaceNames(sedeNames, areaNames);
    m_detail->showPlaceholder(tr("Scan a label to see the asset here."));

    auto lookUp = [this] {
        const QString text = m_field->text();
        if (!text.trimmed().isEmpty())
            handleCode(text);
    };
    connect(m_field, &QLineEdit::returnPressed, this, lookUp);
    connect(m_find, &QPushButton::clicked, this, lookUp);
    connect(startOverButton, &QPushButton::clicked, this, &ScanPage::startOver);
    connect(m_imageScan, &ImageScanAction::codeRead, this, [this](const QString &code) {
        handleCode(code);
    });
    connect(m_imageScan, &ImageScanAction::nothingRead, this, &ScanPage::imageNotRead);

    m_scanner->setConfig(scanner);
    m_scanner->setReceiverFilter(ScannerInput::pageScope(this));
    connect(m_scanner, &ScannerInput::scanned, this, [this](const QString &code) {
        handleCode(code);
    });
    updateCounter();
}

ScanPage::~ScanPage()
{
    m_scanner->discard(); // no replay into widgets that are going away
    m_scanner->uninstall();
}

void ScanPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_scanner->install();
}

void ScanPage::hideEvent(QHideEvent *event)
{
    m_scanner->uninstall();
    QWidget::hideEvent(event);
}

ScanSession::Result ScanPage::handleCode(const QString &input)
{
    const ScanSession::Result result = m_scans->scan(input);
    m_field->clear();

    ScanBanner::Kind kind = ScanBanner::Kind::Problem;
    QString outcome;
    switch (result.outcome) {
    case ScanSession::Outcome::Found:
        kind = ScanBanner::Kind::Found;
        outcome = tr("Found");
        break;
    case ScanSession::Outcome::Repeated:
        kind = ScanBanner::Kind::Repeated;
        outcome = tr("Repeated (%n time(s))", nullptr, result.timesScanned);
        break;
    case ScanSession::Outcome::Unknown:
        outcome = tr("Not in the register");
        break;
    case ScanSession::Outcome::Malformed:
        outcome = tr("Not a código patrimonial");
        break;
    case ScanSession::Outcome::Error:
        outcome = tr("Error");
        break;
    }
    m_banner->showMessage(kind, result.message);

    if (result.asset) {
        QString error;
        const QList<AssetHistoryEntry> history = m_repository.history(m_session,
                                                                      result.asset->id,
                                                                      &error);
        m_detail->showAsset(*result.asset, history);
        emit assetOpened(result.asset->codigo);
    } else {
        m_detail->showPlaceholder(result.message);
    }
    if (result.outcome != ScanSession::Outcome::Found && m_beep)
        m_beep();

    auto *item = new QTreeWidgetItem;
    item->setText(0, QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    item->setText(1, result.code.isEmpty() ? input.trimmed() : result.code);
    item->setText(2,
                  result.asset ? QStringLiteral("%1 — %2").arg(outcome, result.asset->denominacion)
                               : outcome);
    m_recent->insertTopLevelItem(0, item);
    while (m_recent->topLevelItemCount() > 200)
        delete m_recent->takeTopLevelItem(m_recent->topLevelItemCount() - 1);
    updateCounter();
    m_field->setFocus(Qt::OtherFocusReason);
    return result;
}

void ScanPage::imageNotRead(const QString &message)
{
    m_banner->showMessage(ScanBanner::Kind::Problem, message);
    m_detail->showPlaceholder(message);
    if (m_beep)
        m_beep();
    m_field->setFocus(Qt::OtherFocusReason);
}

void ScanPage::updateCounter()
{
    m_counter->setText(tr("%n scan(s)", nullptr, m_scans->totalScans()) + QStringLiteral(", ")
                       + tr("%n distinct asset(s) found", nullptr, m_scans->distinctAssets()));
}

void ScanPage::startOver()
{
    m_scans->reset();
    m_recent->clear();
    m_banner->showMessage(ScanBanner::Kind::Info, tr("Started over: no code counts as scanned."));
    m_detail->showPlaceholder(tr("Scan a label to see the asset here."));
    updateCounter();
    m_field->setFocus(Qt::OtherFocusReason);
}

} // namespace tambo::patrimonio
