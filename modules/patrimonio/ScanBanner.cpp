#include "ScanBanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace tambo::patrimonio {

ScanBanner::ScanBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("scanBanner"));
    m_label->setObjectName(QStringLiteral("scanBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    QFont font = m_label->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_label->setFont(font);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label);
    setAutoFillBackground(true);
    clearMessage();
}

void ScanBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    // Colours with at least 4.5:1 contrast (WCAG AA); the kinds that need attention get a
    // strong border colour, bold text and a sign. The border is 3 px for every kind so that
    // the banner keeps its height from one scan to the next.
    struct Look
    {
        const char *background;
        const char *foreground;
        const char *border;
        bool bold;
        const char *lead;
    };
    Look look{"#e8eef7", "#1b2a41", "#b8c6dc", false, ""};
    switch (kind) {
    case Kind::None:
    case Kind::Info:
        break;
    case Kind::Found:
        look = {"#e3f4e6", "#0f4a1c", "#8cc79a", false, "\u2714 "};
        break;
    case Kind::Repeated:
        look = {"#ffd54f", "#3b2a00", "#e65100", true, "\u26a0 "};
        break;
    case Kind::Problem:
        look = {"#fde2e1", "#7a0c0c", "#c62828", true, "\u2716 "};
        break;
    }
    setStyleSheet(QStringLiteral("#scanBanner { background: %1; border: 3px solid %2; }"
                                 " #scanBannerText { color: %3; }")
                      .arg(QLatin1String(look.background),
                           QLatin1String(look.border),
                           QLatin1String(look.foreground)));
    QFont font = m_label->font();
    font.setBold(look.bold);
    m_label->setFont(font);
    m_label->setText(QString::fromUtf8(look.lead) + text);
    setAccessibleDescription(text);
    setVisible(kind != Kind::None);
    updateGeometry();
}

void ScanBanner::clearMessage()
{
    m_kind = Kind::None;
    m_label->clear();
    setAccessibleDescription({});
    setVisible(false);
}

QString ScanBanner::text() const
{
    return m_label->text();
}

} // namespace tambo::patrimonio
