#pragma once

#include "ImportProblem.h"

#include <QAbstractTableModel>
#include <QList>

namespace tambo::patrimonio {

// The problems of an import's dry run, one per line. SortRole gives the row as a number, so a
// QSortFilterProxyModel with setSortRole(SortRole) sorts rows 9, 10, 100 correctly.
class ImportProblemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Row, Codigo, Field, Reason, Message, ColumnCount };
    enum Roles { SortRole = Qt::UserRole + 1, ReasonRole };

    explicit ImportProblemModel(QObject *parent = nullptr);

    void setProblems(const QList<ImportProblem> &problems);
    const ImportProblem &problemAt(int row) const { return m_problems.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ImportProblem> m_problems;
};

} // namespace tambo::patrimonio
