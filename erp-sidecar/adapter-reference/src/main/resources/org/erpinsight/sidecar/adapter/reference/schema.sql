-- The reference ERP's tables. Statements end with ';' at the end of a line.
-- Foreign keys and secondary indexes are added after the demo data is loaded (constraints.sql).
CREATE TABLE erp_meta (
  k VARCHAR(40) NOT NULL PRIMARY KEY,
  v VARCHAR(200) NOT NULL
);
CREATE TABLE customer (
  number VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  name_folded VARCHAR(200) NOT NULL,
  vat_number VARCHAR(40),
  email VARCHAR(200),
  email_domain VARCHAR(200),
  phone VARCHAR(40),
  phone_digits VARCHAR(40),
  postcode VARCHAR(20),
  city VARCHAR(100),
  country_code CHAR(2),
  currency CHAR(3) NOT NULL,
  credit_limit DECIMAL(15,2),
  customer_group VARCHAR(20) NOT NULL,
  market VARCHAR(20) NOT NULL,
  blocked BOOLEAN NOT NULL,
  idempotency_key VARCHAR(100),
  request_fingerprint VARCHAR(40)
);
CREATE TABLE supplier (
  number VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  name_folded VARCHAR(200) NOT NULL,
  vat_number VARCHAR(40),
  email VARCHAR(200),
  email_domain VARCHAR(200),
  phone VARCHAR(40),
  phone_digits VARCHAR(40),
  postcode VARCHAR(20),
  city VARCHAR(100),
  country_code CHAR(2),
  currency CHAR(3) NOT NULL,
  blocked BOOLEAN NOT NULL,
  idempotency_key VARCHAR(100),
  request_fingerprint VARCHAR(40)
);
CREATE TABLE item (
  number VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  unit VARCHAR(10) NOT NULL,
  base_price DECIMAL(15,2) NOT NULL,
  currency CHAR(3) NOT NULL
);
-- Price rules, in DKK: of the rules that apply to a line (item; customer group and market, or any;
-- minimum quantity; validity dates) the one with the lowest net price wins.
CREATE TABLE price_rule (
  id INTEGER NOT NULL PRIMARY KEY,
  item_number VARCHAR(32) NOT NULL,
  customer_group VARCHAR(20),
  market VARCHAR(20),
  min_quantity DECIMAL(12,3) NOT NULL,
  unit_price DECIMAL(15,2) NOT NULL,
  discount_percent DECIMAL(5,2) NOT NULL,
  valid_from DATE,
  valid_to DATE,
  description VARCHAR(200) NOT NULL
);
CREATE TABLE invoice (
  id INTEGER NOT NULL PRIMARY KEY,
  number VARCHAR(20) NOT NULL,
  customer_number VARCHAR(32) NOT NULL,
  invoice_date DATE NOT NULL,
  due_date DATE NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  paid_amount DECIMAL(15,2) NOT NULL,
  paid_date DATE,
  currency CHAR(3) NOT NULL,
  -- VAT by the customer's country: amount is the total with tax, amount - tax_amount the net revenue
  tax_name VARCHAR(40) NOT NULL,
  tax_rate DECIMAL(5,2) NOT NULL,
  tax_amount DECIMAL(15,2) NOT NULL
);
CREATE TABLE invoice_line (
  invoice_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  item_number VARCHAR(32) NOT NULL,
  quantity DECIMAL(12,3) NOT NULL,
  unit_price DECIMAL(15,2) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);
CREATE TABLE sales_order (
  id INTEGER NOT NULL PRIMARY KEY,
  number VARCHAR(20) NOT NULL,
  customer_number VARCHAR(32) NOT NULL,
  order_date DATE NOT NULL,
  status VARCHAR(12) NOT NULL,
  reference VARCHAR(100),
  currency CHAR(3) NOT NULL,
  idempotency_key VARCHAR(100),
  request_fingerprint VARCHAR(40)
);
CREATE TABLE order_line (
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  item_number VARCHAR(32) NOT NULL,
  quantity DECIMAL(12,3) NOT NULL,
  unit_price DECIMAL(15,2) NOT NULL,
  discount_percent DECIMAL(5,2) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  price_rule VARCHAR(200) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE TABLE project (
  number VARCHAR(32) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  customer_number VARCHAR(32) NOT NULL,
  budget DECIMAL(15,2) NOT NULL,
  hourly_rate DECIMAL(15,2) NOT NULL,
  start_date DATE NOT NULL,
  status VARCHAR(12) NOT NULL
);
CREATE TABLE time_entry (
  id INTEGER NOT NULL PRIMARY KEY,
  project_number VARCHAR(32) NOT NULL,
  entry_date DATE NOT NULL,
  employee VARCHAR(100) NOT NULL,
  hours DECIMAL(6,2) NOT NULL,
  hourly_cost DECIMAL(15,2) NOT NULL,
  invoiced BOOLEAN NOT NULL
);
CREATE TABLE expense (
  id INTEGER NOT NULL PRIMARY KEY,
  project_number VARCHAR(32) NOT NULL,
  expense_date DATE NOT NULL,
  kind VARCHAR(10) NOT NULL,
  description VARCHAR(200) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  invoiced BOOLEAN NOT NULL
);
CREATE TABLE purchase (
  id INTEGER NOT NULL PRIMARY KEY,
  supplier_number VARCHAR(32) NOT NULL,
  purchase_date DATE NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  -- OPEN: ordered, not yet invoiced by the supplier; INVOICED: to be paid; PAID
  status VARCHAR(12) NOT NULL
);
-- DKK per unit of each currency the reference ERP sells in
CREATE TABLE exchange_rate (
  currency CHAR(3) NOT NULL PRIMARY KEY,
  dkk_per_unit DECIMAL(12,6) NOT NULL
);
CREATE SEQUENCE party_number_seq AS INT START WITH 30001;
CREATE SEQUENCE order_seq AS INT START WITH 1000001;
