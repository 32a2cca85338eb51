#include "HomePage.h"

#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tambo::shell {

namespace {
QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("homeCaption"));
    return label;
}

QFrame *card(const QString &title, QWidget *parent, QVBoxLayout **body)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("homeCard"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(18, 14, 18, 16);
    layout->setSpacing(8);
    auto *heading = new QLabel(title, frame);
    heading->setObjectName(QStringLiteral("homeCardTitle"));
    layout->addWidget(heading);
    *body = layout;
    return frame;
}
} // namespace

HomePage::HomePage(const Info &info, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("homePage"));

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("homeContent"));
    content->setStyleSheet(QStringLiteral(
        "#homeContent { background: #f5f7fa; }"
        "#homeCard { background: white; border: 1px solid #dde3ea; border-radius: 8px; }"
        "#homeCardTitle { font-weight: 600; color: #1d4e89; }"
        "#homeCaption { color: #5b6573; }"
        "#homeSubtitle { color: #3e4c59; }"
        "QPushButton#homeTile { background: white; border: 1px solid #dde3ea; border-radius: 8px;"
        " padding: 14px; text-align: left; }"
        "QPushButton#homeTile:hover { border-color: #1d4e89; background: #f0f5fb; }"
        "QPushButton#homeTile:focus { border: 2px solid #1d4e89; }"));

    m_welcome = new QLabel(content);
    m_welcome->setObjectName(QStringLiteral("homeWelcome"));
    m_welcome->setTextFormat(Qt::PlainText);
    m_welcome->setText(
        tr("Welcome, %1").arg(info.fullName.isEmpty() ? info.username : info.fullName));
    QFont big = m_welcome->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_welcome->setFont(big);

    QStringList subtitleParts;
    if (info.today.isValid()) {
        QString date = QLocale().toString(info.today, QLocale::LongFormat);
        if (!date.isEmpty())
            date[0] = date.at(0).toUpper();
        subtitleParts << date;
    }
    subtitleParts << (info.sede.isEmpty() ? tr("sede not configured") : info.sede);
    auto *subtitle = new QLabel(subtitleParts.join(QStringLiteral(" · ")), content);
    subtitle->setObjectName(QStringLiteral("homeSubtitle"));

    // Tiles: the pages this session may open.
    auto *tilesCaption = captionLabel(tr("Go to"), content);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(12);
    int index = 0;
    for (const Tile &tile : info.tiles) {
        tiles->addWidget(makeTile(tile), index / 3, index % 3);
        ++index;
    }
    for (int column = 0; column < 3; ++column)
        tiles->setColumnStretch(column, 1);

    // Session and store.
    QVBoxLayout *sessionBody = nullptr;
    QFrame *session = card(tr("Session"), content, &sessionBody);
    auto *sessionForm = new QFormLayout;
    sessionForm->setHorizontalSpacing(16);
    sessionForm->setVerticalSpacing(6);
    sessionForm->addRow(captionLabel(tr("User:"), session),
                        valueLabel(QStringLiteral("%1 (%2)").arg(info.fullName, info.username),
                                   session));
    sessionForm->addRow(captionLabel(tr("Role:"), session), valueLabel(info.roleTitle, session));
    sessionForm->addRow(captionLabel(tr("Sede:"), session),
                        valueLabel(info.sede.isEmpty() ? tr("not configured (File > Settings)")
                                                       : info.sede,
                                   session));
    QString store = QDir::toNativeSeparators(info.storePath);
    if (info.demoStore)
        store = tr("%1 (demo data)").arg(store);
    sessionForm->addRow(captionLabel(tr("Encrypted local store:"), session),
                        valueLabel(store, session));
    sessionBody->addLayout(sessionForm);
    sessionBody->addStretch();

    QVBoxLayout *modulesBody = nullptr;
    QFrame *modules = card(tr("Modules"), content, &modulesBody);
    if (info.modules.isEmpty()) {
        modulesBody->addWidget(
            valueLabel(tr("This build has no modules yet: only the administration pages."),
                       modules));
    } else {
        for (const QString &module : info.modules)
            modulesBody->addWidget(valueLabel(QStringLiteral("• ") + module, modules));
    }
    for (const QString &problem : info.moduleProblems) {
        auto *label = valueLabel(problem, modules);
        label->setStyleSheet(QStringLiteral("color: #8a1c12;"));
        modulesBody->addWidget(label);
    }
    modulesBody->addStretch();

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 26, 32, 26);
    layout->setSpacing(10);
    layout->addWidget(m_welcome);
    layout->addWidget(subtitle);
    layout->addSpacing(14);
    if (!info.tiles.isEmpty()) {
        layout->addWidget(tilesCaption);
        layout->addLayout(tiles);
        layout->addSpacing(14);
    } else {
        tilesCaption->hide();
    }
    // Both cards as tall as the taller one, and no taller.
    auto *cardRow = new QWidget(content);
    cardRow->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *cards = new QHBoxLayout(cardRow);
    cards->setContentsMargins(0, 0, 0, 0);
    cards->setSpacing(12);
    cards->addWidget(session, 3);
    cards->addWidget(modules, 2);
    layout->addWidget(cardRow);
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

QWidget *HomePage::makeTile(const Tile &tile)
{
    auto *button = new QPushButton;
    button->setObjectName(QStringLiteral("homeTile"));
    button->setCursor(Qt::PointingHandCursor);
    button->setAccessibleName(tile.title);
    button->setMinimumHeight(84);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);

    auto *icon = new QLabel(button);
    icon->setPixmap(tile.icon.pixmap(28, 28));
    icon->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *title = new QLabel(tile.title, button);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    title->setFont(bold);
    title->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *description = new QLabel(tile.description, button);
    description->setWordWrap(true);
    description->setObjectName(QStringLiteral("homeCaption"));
    description->setAttribute(Qt::WA_TransparentForMouseEvents);
    description->setVisible(!tile.description.isEmpty());
    auto *shortcut = new QLabel(tile.shortcut, button);
    shortcut->setObjectName(QStringLiteral("homeCaption"));
    shortcut->setAttribute(Qt::WA_TransparentForMouseEvents);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(title);
    text->addWidget(description);
    text->addStretch();
    auto *row = new QHBoxLayout(button);
    row->setContentsMargins(14, 12, 14, 12);
    row->setSpacing(12);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    row->addWidget(shortcut, 0, Qt::AlignTop);

    const QString id = tile.pageId;
    connect(button, &QPushButton::clicked, this, [this, id] { emit pageRequested(id); });
    m_tileTitles << tile.title;
    return button;
}

QString HomePage::welcomeText() const
{
    return m_welcome->text();
}

QStringList HomePage::tileTitles() const
{
    return m_tileTitles;
}

} // namespace tambo::shell
