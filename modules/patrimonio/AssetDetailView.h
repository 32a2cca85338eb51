#pragma once

#include "Asset.h"

#include <QHash>
#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QStackedWidget;
class QTreeWidget;
QT_END_NAMESPACE

namespace tambo::patrimonio {

// One asset in full (every register field) and its whole history, read only. Used by the
// register page and the scan page. Text can be selected and copied with the keyboard.
class AssetDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit AssetDetailView(QWidget *parent = nullptr);

    void setPlaceNames(const QHash<QString, QString> &sedeNames,
                       const QHash<QString, QString> &areaNames);
    void showAsset(const Asset &asset, const QList<AssetHistoryEntry> &history);
    // No asset: a short explanation instead.
    void showPlaceholder(const QString &text);

    QString shownCodigo() const { return m_codigo; }
    QString fieldText(const QString &field) const; // Asset::toJson() keys, e.g. "responsable"
    int historyCount() const;
    QTreeWidget *historyView() const { return m_history; }

    static QString kindTitle(const QString &kind);

private:
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QHash<QString, QLabel *> m_fields;
    QTreeWidget *m_history = nullptr;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
    QString m_codigo;
};

} // namespace tambo::patrimonio
