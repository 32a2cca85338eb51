#pragma once

#include "audit/AuditLog.h"

#include <QAbstractTableModel>
#include <QList>

namespace tambo::shell {

// Rows of the audit log, newest first, as AuditPage reads them from core. No SQL here.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, At, Actor, Action, Entity, Device, ColumnCount };
    Q_ENUM(Column)

    explicit AuditTableModel(QObject *parent = nullptr);

    void setRows(const QList<core::AuditLog::Row> &rows);
    core::AuditLog::Row rowAt(int row) const;
    int rowOfSeq(qint64 seq) const; // -1 when not shown
    // Rows shown in red (the first row verify() found wrong); 0 = none.
    void setBadSeq(qint64 seq);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString actionText(const QString &action); // "login.failed" → translated phrase
    static QString entityText(const QString &entity); // "user" → translated noun

private:
    QList<core::AuditLog::Row> m_rows;
    qint64 m_badSeq = 0;
};

} // namespace tambo::shell
