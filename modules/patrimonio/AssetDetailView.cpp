#include "AssetDetailView.h"

#include "AssetRepository.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tambo::patrimonio {

namespace {

const char *const DetailFields[] = {"codigo",
                                    "denominacion",
                                    "marca",
                                    "modelo",
                                    "serie",
                                    "color",
                                    "caracteristicas",
                                    "estado",
                                    "situacion",
                                    "sede_id",
                                    "area_id",
                                    "ambiente",
                                    "responsable",
                                    "fecha_adquisicion",
                                    "valor",
                                    "cuenta_contable",
                                    "observaciones"};

} // namespace

AssetDetailView::AssetDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_title(new QLabel(this))
    , m_history(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("assetDetail"));
    m_placeholder->setObjectName(QStringLiteral("assetDetailPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);

    auto *details = new QWidget(this);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setObjectName(QStringLiteral("assetDetailTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const char *key : DetailFields) {
        const QString field = QString::fromLatin1(key);
        auto *value = new QLabel(details);
        value->setObjectName(QStringLiteral("detail_%1").arg(field));
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        form->addRow(AssetRepository::fieldTitle(field) + u':', value);
        m_fields.insert(field, value);
    }
    auto *scroll = new QScrollArea(details);
    auto *formHost = new QWidget(scroll);
    formHost->setLayout(form);
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 3);

    auto *historyBox = new QGroupBox(tr("History"), details);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_history->setObjectName(QStringLiteral("assetHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(false);
    m_history->setWordWrap(true);
    m_history->setTextElideMode(Qt::ElideNone);
    m_history->setHeaderLabels({tr("Date"), tr("Event"), tr("By"), tr("Detail")});
    m_history->header()->setStretchLastSection(true);
    m_history->setAccessibleName(tr("Asset history"));
    historyLayout->addWidget(m_history);
    layout->addWidget(historyBox, 2);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(details);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    showPlaceholder(tr("Choose an asset in the list, or scan its label."));
}

void AssetDetailView::setPlaceNames(const QHash<QString, QString> &sedeNames,
                                    const QHash<QString, QString> &areaNames)
{
    m_sedeNames = sedeNames;
    m_areaNames = areaNames;
}

QString AssetDetailView::kindTitle(const QString &kind)
{
    if (kind == QLatin1String(AssetRepository::KindAlta))
        return tr("Registered");
    if (kind == QLatin1String(AssetRepository::KindEdicion))
        return tr("Edited");
    if (kind == QLatin1String(AssetRepository::KindNota))
        return tr("Note");
    if (kind.startsWith(QLatin1String("soporte.")))
        return tr("IT support");
    if (kind == QLatin1String("movimiento"))
        return tr("Movement");
    return kind;
}

void AssetDetailView::showAsset(const Asset &asset, const QList<AssetHistoryEntry> &history)
{
    m_codigo = asset.codigo;
    m_title->setText(QStringLiteral("%1 — %2").arg(asset.codigo, asset.denominacion));
    auto set = [this](const char *field, const QString &text) {
        m_fields.value(QString::fromLatin1(field))
            ->setText(text.isEmpty() ? QStringLiteral("—") : text);
    };
    set("codigo", asset.codigo);
    set("denominacion", asset.denominacion);
    set("marca", asset.marca);
    set("modelo", asset.modelo);
    set("serie", asset.serie);
    set("color", asset.color);
    set("caracteristicas", asset.caracteristicas);
    set("estado",
        QStringLiteral("%1 (%2)").arg(Estados::title(asset.estado), Estados::code(asset.estado)));
    set("situacion", Estados::situacionTitle(asset.situacion));
    set("sede_id", m_sedeNames.value(asset.sedeId, asset.sedeId));
    set("area_id", m_areaNames.value(asset.areaId, asset.areaId));
    set("ambiente", asset.ambiente);
    set("responsable", asset.responsable);
    set("fecha_adquisicion",
        asset.fechaAdquisicion.isValid()
            ? asset.fechaAdquisicion.toString(QStringLiteral("dd/MM/yyyy"))
            : QString());
    set("valor", formatSoles(asset.valorCentimos));
    set("cuenta_contable", asset.cuentaContable);
    set("observaciones", asset.observaciones);

    m_history->clear();
    QList<QTreeWidgetItem *> items;
    for (auto it = history.crbegin(); it != history.crend(); ++it) { // newest first
        auto *item = new QTreeWidgetItem;
        item->setText(0, it->at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        item->setText(1, kindTitle(it->kind));
        item->setText(2, it->actor);
        item->setText(3, it->text);
        item->setToolTip(3, it->text);
        items.append(item);
    }
    m_history->addTopLevelItems(items);
    m_history->resizeColumnToContents(0);
    m_history->resizeColumnToContents(1);
    m_history->resizeColumnToContents(2);
    m_stack->setCurrentIndex(1);
}

void AssetDetailView::showPlaceholder(const QString &text)
{
    m_codigo.clear();
    m_placeholder->setText(text);
    m_history->clear();
    m_stack->setCurrentIndex(0);
}

QString AssetDetailView::fieldText(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

int AssetDetailView::historyCount() const
{
    return m_history->topLevelItemCount();
}

} // namespace tambo::patrimonio
