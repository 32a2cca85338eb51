#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#ifndef TAMBO_VERSION
#define TAMBO_VERSION "0.0.0"
#endif

namespace tambo::shell {

AboutDialog::AboutDialog(const QString &sqlcipherVersion, QWidget *parent)
    : QDialog(parent)
    , m_sqlcipherVersion(sqlcipherVersion)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Tambo"));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/tambo/icons/tambo.svg")).pixmap(72, 72));
    logo->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *title = new QLabel(this);
    title->setTextFormat(Qt::RichText);
    title->setText(
        QStringLiteral("<h2 style='margin:0'>Tambo %1</h2><p style='margin-top:4px'>%2</p>")
            .arg(QStringLiteral(TAMBO_VERSION).toHtmlEscaped(),
                 tr("Back-office suite of the Municipalidad Provincial de Tacna").toHtmlEscaped()));

    auto *details = new QLabel(this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setTextFormat(Qt::RichText);
    details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    details->setOpenExternalLinks(true);
    details->setWordWrap(true);
    const QString cipher = m_sqlcipherVersion.isEmpty() ? tr("not available") : m_sqlcipherVersion;
    details->setText(
        QStringLiteral("<p>%1</p><p>%2<br>%3</p><p>%4</p>")
            .arg(tr("Free software under the GNU General Public License, version 3 or (at your "
                    "option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO "
                    "WARRANTY.")
                     .toHtmlEscaped(),
                 tr("Qt %1").arg(QString::fromLatin1(qVersion())).toHtmlEscaped(),
                 tr("SQLCipher %1").arg(cipher).toHtmlEscaped(),
                 tr("Municipalidad Provincial de Tacna — Oficina de Tecnologías de la "
                    "Información y Comunicaciones (OTIC)")
                     .toHtmlEscaped()));

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(details);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->setSpacing(18);
    top->addWidget(logo);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 14);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString AboutDialog::detailsText() const
{
    return QStringList{QStringLiteral("Tambo %1").arg(QLatin1String(TAMBO_VERSION)),
                       QStringLiteral("GPL-3.0-or-later"),
                       tr("Qt %1").arg(QString::fromLatin1(qVersion())),
                       tr("SQLCipher %1")
                           .arg(m_sqlcipherVersion.isEmpty() ? tr("not available")
                                                             : m_sqlcipherVersion),
                       tr("Municipalidad Provincial de Tacna")}
        .join(QLatin1Char('\n'));
}

} // namespace tambo::shell
