import type { TableInput } from '@aws-sdk/client-glue';
import { columns, csvTable, deltaTable, icebergTable, parquetTable, viewTable } from './storage.ts';

/** One demo table: its database and its TableInput. */
export interface DemoTable {
  databaseName: string;
  input: TableInput;
}

/** The demo lake's tables (21 of them, every kind lakemirror replicates), under `s3://<bucket>/<db>/<table>`. */
export function demoTables(bucket: string, accountId: string): DemoTable[] {
  const at = (db: string, table: string) => `s3://${bucket}/${db}/${table}`;
  const sales: TableInput[] = [
    parquetTable(
      'orders',
      at('sales', 'orders'),
      columns(
        'order_id:bigint',
        'customer_id:bigint',
        'amount:decimal(12,2)',
        'currency',
        'status',
        'customer_email',
      ),
      ['dt', 'region'],
    ),
    parquetTable(
      'order_items',
      at('sales', 'order_items'),
      columns('order_id:bigint', 'line:int', 'product_id:bigint', 'quantity:int', 'unit_price:decimal(10,2)'),
      ['dt'],
    ),
    parquetTable(
      'customers',
      at('sales', 'customers'),
      columns('customer_id:bigint', 'name', 'email', 'phone', 'country', 'signup_date:date'),
    ),
    csvTable('products', at('sales', 'products'), ['product_id', 'name', 'category', 'list_price']),
    csvTable('stores', at('sales', 'stores'), ['store_id', 'city', 'country', 'opened']),
    parquetTable(
      'returns',
      at('sales', 'returns'),
      columns('order_id:bigint', 'reason', 'refund:decimal(12,2)'),
      ['dt'],
    ),
    icebergTable(
      'orders_iceberg',
      at('sales', 'orders_iceberg'),
      columns('order_id:bigint', 'amount:decimal(12,2)', 'order_ts:timestamp'),
    ),
    viewTable(
      'daily_revenue',
      columns('dt', 'region', 'revenue:decimal(38,2)'),
      'SELECT dt, region, sum(amount) AS revenue FROM sales.orders GROUP BY dt, region',
    ),
  ];
  const marketing: TableInput[] = [
    csvTable('campaigns', at('marketing', 'campaigns'), [
      'campaign_id',
      'name',
      'channel',
      'budget',
      'start_date',
    ]),
    parquetTable(
      'clicks',
      at('marketing', 'clicks'),
      columns('click_id', 'campaign_id:bigint', 'user_agent', 'ts:timestamp'),
      ['dt', 'region'],
    ),
    parquetTable(
      'impressions',
      at('marketing', 'impressions'),
      columns('campaign_id:bigint', 'count:bigint'),
      ['dt'],
    ),
    deltaTable(
      'leads',
      at('marketing', 'leads'),
      columns('lead_id:bigint', 'name', 'email', 'phone', 'score:double'),
    ),
    parquetTable('segments', at('marketing', 'segments'), columns('segment_id:int', 'name', 'rules')),
    viewTable(
      'campaign_performance',
      columns('campaign_id:bigint', 'clicks:bigint'),
      'SELECT campaign_id, count(*) AS clicks FROM marketing.clicks GROUP BY campaign_id',
    ),
    { Name: 'orders_link', TargetTable: { CatalogId: accountId, DatabaseName: 'sales', Name: 'orders' } },
  ];
  const finance: TableInput[] = [
    parquetTable(
      'invoices',
      at('finance', 'invoices'),
      columns('invoice_id:bigint', 'customer_id:bigint', 'total:decimal(12,2)', 'due_date:date'),
      ['dt', 'region'],
    ),
    parquetTable(
      'payments',
      at('finance', 'payments'),
      columns('payment_id:bigint', 'invoice_id:bigint', 'amount:double'),
      ['dt'],
    ),
    icebergTable(
      'ledger',
      at('finance', 'ledger'),
      columns('entry_id:bigint', 'account', 'debit:double', 'credit:double'),
    ),
    csvTable('budgets', at('finance', 'budgets'), ['cost_center', 'year', 'amount']),
    csvTable('fx_rates', at('finance', 'fx_rates'), ['currency', 'rate_date', 'rate']),
    parquetTable(
      'payroll',
      at('finance', 'payroll'),
      columns('employee_id:bigint', 'name', 'salary:decimal(12,2)', 'iban'),
    ),
  ];
  return [
    ...sales.map((input) => ({ databaseName: 'sales', input })),
    ...marketing.map((input) => ({ databaseName: 'marketing', input })),
    ...finance.map((input) => ({ databaseName: 'finance', input })),
  ];
}
