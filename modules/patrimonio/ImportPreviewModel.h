#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace tambo::patrimonio {

struct ImportTable;

// The first rows of an import file as read (before any mapping): column 0 is the spreadsheet
// row number, then the file's columns under their own headers. Read only.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RowNumber = 0, FirstFileColumn = 1 };
    static constexpr int DefaultRows = 50;

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setTable(const ImportTable &table, int maxRows = DefaultRows);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<int> m_rowNumbers;
};

} // namespace tambo::patrimonio
