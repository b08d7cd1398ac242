"""Seeds a new Tryton 6.0 database with the ERP Insight demo data, dated relative to today.

Run by tryton.sh with Debian's /usr/bin/python3: seed.py DATABASE CONFIG_FILE.
Customers with paid, open and overdue invoices; one over its credit limit; a price list with
quantity breaks and a dated promotion; a supplier with purchases; a project with timesheets
and expenses (purchase lines on the project).
"""
import datetime
import os
import sys
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from proteus import Model, Wizard, config as proteus_config

database, config_file = sys.argv[1], sys.argv[2]
# Tryton's test helpers below read this when imported
os.environ.setdefault('DB_NAME', database)
config = proteus_config.set_trytond(database=database, config_file=config_file)

from trytond.modules.company.tests.tools import create_company, get_company  # noqa: E402
from trytond.modules.currency.tests.tools import get_currency  # noqa: E402
from trytond.modules.account.tests.tools import (  # noqa: E402
    create_fiscalyear, create_chart, get_accounts, create_tax)

from trytond.exceptions import UserWarning as TrytonWarning  # noqa: E402

today = datetime.date.today()


def accepting_warnings(action):
    """Back-dated invoices due in the past raise user warnings; the seed means them. Accept each
    the way the desktop client does: record it for the user, then do the action again."""
    Warning_ = Model.get('res.user.warning')
    for _ in range(10):
        try:
            return action()
        except TrytonWarning as warning:
            Warning_(user=config.user, name=warning.name, always=False).save()
    raise RuntimeError('warnings keep coming')


Party = Model.get('party.party')
company_party = Party(name='ERP Insight Demo A/S')
company_party.save()
create_company(company_party, get_currency('EUR'))
company = get_company()

# one invoice sequence with the year in its prefix for both years: invoice numbers are unique
SequenceStrict = Model.get('ir.sequence.strict')
SequenceType = Model.get('ir.sequence.type')
for year_start in (today + relativedelta(years=-1, month=1, day=1), today + relativedelta(month=1, day=1)):
    fiscalyear = create_fiscalyear(company, today=year_start)
    invoice_type, = SequenceType.find([('name', '=', 'Invoice')], limit=1)
    sequence = SequenceStrict(name='Invoices %s' % year_start.year, sequence_type=invoice_type, company=company,
        prefix='INV%s-' % year_start.year, padding=4)
    sequence.save()
    seq, = fiscalyear.invoice_sequences
    seq.out_invoice_sequence = seq.in_invoice_sequence = sequence
    seq.out_credit_note_sequence = seq.in_credit_note_sequence = sequence
    fiscalyear.save()
    fiscalyear.click('create_period')

create_chart(company)
accounts = get_accounts(company)
tax = create_tax(Decimal('.25'))
tax.save()

Journal = Model.get('account.journal')
PaymentMethod = Model.get('account.invoice.payment.method')
journal_cash, = Journal.find([('type', '=', 'cash')])
payment_method = PaymentMethod(name='Bank', journal=journal_cash,
    credit_account=accounts['cash'], debit_account=accounts['cash'])
payment_method.save()

PaymentTerm = Model.get('account.invoice.payment_term')
term = PaymentTerm(name='Net 30 days')
line = term.lines.new(type='remainder')
line.relativedeltas.new(days=30)
term.save()

ProductCategory = Model.get('product.category')
category = ProductCategory(name='Sales', accounting=True,
    account_revenue=accounts['revenue'], account_expense=accounts['expense'])
category.customer_taxes.append(tax)
category.save()

Uom = Model.get('product.uom')
unit, = Uom.find([('name', '=', 'Unit')])
hour, = Uom.find([('name', '=', 'Hour')])
Template = Model.get('product.template')
products = {}
for code, name, uom, price, kind in [
        ('CONSULT', 'Consulting hour', hour, '95.00', 'service'),
        ('INSTALL', 'Installation', hour, '80.00', 'service'),
        ('SENSOR', 'Sensor unit', unit, '120.00', 'goods'),
        ('PANEL', 'Control panel', unit, '640.00', 'goods'),
        ('CABLE', 'Cable kit', unit, '35.50', 'goods'),
        ('TRAVEL', 'Travel expenses', unit, '1.00', 'service')]:
    # in Tryton 6.0 a product's code is its template's code plus its own suffix
    template = Template(name=name, code=code, default_uom=uom, type=kind, list_price=Decimal(price),
        account_category=category, salable=True, purchasable=True)
    template.purchase_uom = uom
    template.sale_uom = uom
    template.save()
    product, = template.products
    products[code] = product

PriceList = Model.get('product.price_list')
price_list = PriceList(name='Standard prices')
# lines match in order, the first that applies wins
price_list.lines.new(product=products['SENSOR'], formula='unit_price * 0.8',
    start_date=today - datetime.timedelta(days=10), end_date=today + datetime.timedelta(days=20))
price_list.lines.new(quantity=50, formula='unit_price * 0.88')
price_list.lines.new(quantity=10, formula='unit_price * 0.95')
price_list.lines.new(formula='unit_price')
price_list.save()

# Tryton has no customer or supplier flag: the sidecar reads these two categories
PartyCategory = Model.get('party.category')
customer_category = PartyCategory(name='Customer')
customer_category.save()
supplier_category = PartyCategory(name='Supplier')
supplier_category.save()

customers = {}
for key, name, vat, email, phone, limit in [
        ('andersen', 'Andersen Byg A/S', 'DK12345678', 'post@andersenbyg.dk', '+45 33 12 34 56', '50000'),
        ('bergstrom', 'Bergström Logistik AB', 'SE556677889901', 'info@bergstromlogistik.se', '+46 8 123 456 78', '80000'),
        ('nordlys', 'Nordlys Energi AS', 'NO987654321', 'kontakt@nordlys-energi.no', '+47 22 33 44 55', '40000'),
        ('hansen', 'Hansen & Søn ApS', 'DK87654321', 'mail@hansenogsoen.dk', '+45 86 12 34 56', '2000'),
        ('virtanen', 'Virtanen Tekniikka Oy', 'FI12345678', 'myynti@virtanentekniikka.fi', '+358 9 123 4567', '30000')]:
    party = Party(name=name)
    identifier = party.identifiers.new()
    identifier.code = vat
    party.contact_mechanisms.new(type='email', value=email)
    party.contact_mechanisms.new(type='phone', value=phone)
    party.addresses[0].city = 'Copenhagen'
    party.customer_payment_term = term
    party.sale_price_list = price_list
    party.credit_limit_amount = Decimal(limit)
    party.categories.append(PartyCategory(customer_category.id))
    party.save()
    customers[key] = party

supplier = Party(name='Fjord Components AS')
supplier.identifiers.new(code='NO912345678')
supplier.contact_mechanisms.new(type='email', value='sales@fjordcomponents.no')
supplier.supplier_payment_term = term
supplier.categories.append(PartyCategory(supplier_category.id))
supplier.save()

Invoice = Model.get('account.invoice')


def invoice(party, date, lines):
    inv = Invoice(type='out', party=party, invoice_date=date, payment_term=term)
    for code, quantity in lines:
        line = inv.lines.new()
        line.product = products[code]
        line.quantity = quantity
        line.unit_price = products[code].list_price
    inv.save()
    return inv


# (customer, days ago, lines, paid after days or None)
plan = [
    ('andersen', 400, [('CONSULT', 20)], 25), ('andersen', 300, [('SENSOR', 12), ('CABLE', 12)], 20),
    ('andersen', 120, [('PANEL', 2)], 30), ('andersen', 50, [('CONSULT', 10)], None),
    ('andersen', 10, [('INSTALL', 6)], None),
    ('bergstrom', 380, [('PANEL', 5)], 28), ('bergstrom', 200, [('SENSOR', 40)], 35),
    ('bergstrom', 20, [('CONSULT', 30)], None),
    ('nordlys', 330, [('INSTALL', 16)], 14), ('nordlys', 90, [('SENSOR', 8)], 40),
    ('hansen', 260, [('CABLE', 30)], 60), ('hansen', 95, [('PANEL', 3)], None), ('hansen', 70, [('CONSULT', 8)], None),
    ('virtanen', 15, [('SENSOR', 2)], None),
]
made = sorted(((today - datetime.timedelta(days=ago), key, lines, paid) for key, ago, lines, paid in plan),
    key=lambda p: p[0])
# invoice numbering is strict: post in date order
invoices = []
for date, key, lines, paid in made:
    inv = invoice(customers[key], date, lines)
    accepting_warnings(lambda: inv.click('post'))
    invoices.append((inv, date, paid))
for inv, date, paid in invoices:
    if paid is not None and date + datetime.timedelta(days=paid) <= today:
        pay = Wizard('account.invoice.pay', [inv])
        pay.form.payment_method = payment_method
        pay.form.date = date + datetime.timedelta(days=paid)
        accepting_warnings(lambda: pay.execute('choice'))

Sale = Model.get('sale.sale')
sale = Sale(party=customers['bergstrom'], sale_date=today - datetime.timedelta(days=3), payment_term=term)
sale_line = sale.lines.new()
sale_line.product = products['SENSOR']
sale_line.quantity = 20
sale_line.unit_price = Decimal('114.00')
sale.save()
accepting_warnings(lambda: sale.click('quote'))

Employee = Model.get('company.employee')
employees = []
for name, cost in [('Anna Holm', '62.50'), ('Jonas Berg', '57.50')]:
    person = Party(name=name)
    person.save()
    employee = Employee(party=person, company=company)
    employee.cost_prices.new(date=today - datetime.timedelta(days=400), cost_price=Decimal(cost))
    employee.save()
    employees.append(employee)
User = Model.get('res.user')
admin, = User.find([('login', '=', 'admin')])
admin.employees.extend(employees)
admin.employee = employees[0]
admin.save()

Work = Model.get('project.work')
project = Work(name='Warehouse automation', type='project', party=customers['bergstrom'],
    project_invoice_method='timesheet', product=products['CONSULT'], list_price=Decimal('95.00'),
    timesheet_available=True, effort_duration=datetime.timedelta(hours=200))
task = project.children.new(name='Sensor network', type='task', product=products['CONSULT'],
    list_price=Decimal('95.00'), timesheet_available=True, effort_duration=datetime.timedelta(hours=120))
project.save()
task, = project.children
TimesheetLine = Model.get('timesheet.line')
for days_ago, employee, hours, work in [(40, 0, 6, project), (35, 1, 7.5, task), (20, 0, 5, task), (12, 1, 8, task),
                                        (5, 0, 3.5, project)]:
    TimesheetLine(date=today - datetime.timedelta(days=days_ago), employee=employees[employee],
        duration=datetime.timedelta(hours=hours), work=work.timesheet_works[0]).save()

Purchase = Model.get('purchase.purchase')
purchase = Purchase(party=supplier, purchase_date=today - datetime.timedelta(days=30), payment_term=term)
for code, quantity, price, work in [('SENSOR', 50, '61.00', None), ('TRAVEL', 1, '840.00', project),
                                    ('CABLE', 40, '12.00', project)]:
    line = purchase.lines.new()
    line.product = products[code]
    line.quantity = quantity
    line.unit_price = Decimal(price)
    if work is not None:
        line.work = work
purchase.save()
accepting_warnings(lambda: purchase.click('quote'))
accepting_warnings(lambda: purchase.click('confirm'))

print('company, %d customers, 1 supplier, %d invoices, 1 sale, 1 purchase, 1 project with %d timesheet lines' % (
    len(customers), len(invoices), 5))
