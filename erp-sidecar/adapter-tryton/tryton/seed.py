"""Seeds a new Tryton 6.0 database the way a small Danish company sets one up, dated relative to today.

Run by tryton.sh with Debian's /usr/bin/python3: seed.py DATABASE CONFIG_FILE.

Nothing here is made for the sidecar: the company keeps its books in DKK, numbers its customers
and suppliers itself (1001..., 5001...), files some parties under its own Danish categories
("Kunde", "Leverandør") and most under none, sets credit limits for some customers and none for
others, and names its projects with its own project numbers ("PRJ-1042 Lagerautomatisering").
The cases the sidecar must read right are all here: an invoice due today, credit notes, paid,
open and overdue invoices, a customer over its limit, supplier invoices in two years, purchases
in every state, timesheets and travel expenses on projects (travel under the company's own item
code REJSE in its product category "Rejser"), and prices with Tryton's four price digits.
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
this_year = today.replace(month=1, day=1)
last_year = this_year - relativedelta(years=1)


def days_ago(days):
    return today - datetime.timedelta(days=days)


def in_this_year(days):
    """A date some days ago, but not before 1 January of this year."""
    return max(this_year, days_ago(days))


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
company_party = Party(name='Nordisk Demo ApS')
company_party.save()
create_company(company_party, get_currency('DKK'))
company = get_company()

# one invoice sequence with the year in its prefix per fiscal year (the year before last too:
# invoices go back 400 days): invoice numbers are unique
SequenceStrict = Model.get('ir.sequence.strict')
SequenceType = Model.get('ir.sequence.type')
for year_start in (last_year - relativedelta(years=1), last_year, this_year):
    fiscalyear = create_fiscalyear(company, today=year_start)
    invoice_type, = SequenceType.find([('name', '=', 'Invoice')], limit=1)
    sequence = SequenceStrict(name='Fakturaer %s' % year_start.year, sequence_type=invoice_type, company=company,
        prefix='F%s-' % year_start.year, padding=4)
    sequence.save()
    seq, = fiscalyear.invoice_sequences
    seq.out_invoice_sequence = seq.in_invoice_sequence = sequence
    seq.out_credit_note_sequence = seq.in_credit_note_sequence = sequence
    fiscalyear.save()
    fiscalyear.click('create_period')

create_chart(company)
accounts = get_accounts(company)
tax = create_tax(Decimal('.25'))
tax.name = tax.description = 'Moms 25%'
tax.save()

Journal = Model.get('account.journal')
PaymentMethod = Model.get('account.invoice.payment.method')
journal_cash, = Journal.find([('type', '=', 'cash')])
payment_method = PaymentMethod(name='Bank', journal=journal_cash,
    credit_account=accounts['cash'], debit_account=accounts['cash'])
payment_method.save()

PaymentTerm = Model.get('account.invoice.payment_term')
term = PaymentTerm(name='Netto 30 dage')
line = term.lines.new(type='remainder')
line.relativedeltas.new(days=30)
term.save()

ProductCategory = Model.get('product.category')
accounting = ProductCategory(name='Salg og indkøb', accounting=True,
    account_revenue=accounts['revenue'], account_expense=accounts['expense'])
Tax = Model.get('account.tax')
accounting.customer_taxes.append(Tax(tax.id))
accounting.supplier_taxes.append(Tax(tax.id))
accounting.save()
travel_category = ProductCategory(name='Rejser')
travel_category.save()

Uom = Model.get('product.uom')
unit, = Uom.find([('name', '=', 'Unit')])
hour, = Uom.find([('name', '=', 'Hour')])
Template = Model.get('product.template')
products = {}
for code, name, uom, price, kind, categories in [
        ('CONSULT', 'Konsulenttime', hour, '95.00', 'service', []),
        ('INSTALL', 'Installation', hour, '80.00', 'service', []),
        ('SENSOR', 'Sensorenhed', unit, '120.00', 'goods', []),
        ('PANEL', 'Kontrolpanel', unit, '640.00', 'goods', []),
        ('CABLE', 'Kabelsæt', unit, '35.50', 'goods', []),
        # four price digits, as Tryton keeps them: a 10+ break makes 11.7283
        ('FILTER', 'Filterpatron', unit, '12.3456', 'goods', []),
        ('REJSE', 'Rejseudgifter', unit, '1.00', 'service', [travel_category]),
        ('FRAGT', 'Fragt', unit, '1.00', 'service', [])]:
    # in Tryton 6.0 a product's code is its template's code plus its own suffix
    template = Template(name=name, code=code, default_uom=uom, type=kind, list_price=Decimal(price),
        account_category=accounting, salable=True, purchasable=True)
    for category in categories:
        template.categories.append(ProductCategory(category.id))
    template.purchase_uom = uom
    template.sale_uom = uom
    template.save()
    product, = template.products
    products[code] = product

PriceList = Model.get('product.price_list')
price_list = PriceList(name='Standardpriser')
# lines match in order, the first that applies wins
price_list.lines.new(product=products['SENSOR'], formula='unit_price * 0.8',
    start_date=days_ago(10), end_date=today + datetime.timedelta(days=20))
price_list.lines.new(quantity=50, formula='unit_price * 0.88')
price_list.lines.new(quantity=10, formula='unit_price * 0.95')
price_list.lines.new(formula='unit_price')
price_list.save()

# the company's own categories, on some parties only
PartyCategory = Model.get('party.category')
kunde = PartyCategory(name='Kunde')
kunde.save()
leverandor = PartyCategory(name='Leverandør')
leverandor.save()

customers = {}
for key, code, name, vat, email, phone, city, limit, category in [
        ('andersen', '1001', 'Andersen Byg A/S', 'DK12345678', 'post@andersenbyg.dk', '+45 33 12 34 56', 'København', '50000', kunde),
        ('bergstrom', '1002', 'Bergström Logistik AB', 'SE556677889901', 'info@bergstromlogistik.se', '+46 8 123 456 78',
         'Stockholm', '80000', kunde),
        ('nordlys', '1003', 'Nordlys Energi AS', 'NO987654321', 'kontakt@nordlys-energi.no', '+47 22 33 44 55', 'Oslo', '40000',
         kunde),
        ('hansen', '1004', 'Hansen & Søn ApS', 'DK87654321', 'mail@hansenogsoen.dk', '+45 86 12 34 56', 'Aarhus', '2000', None),
        ('virtanen', '1005', 'Virtanen Tekniikka Oy', 'FI12345678', 'myynti@virtanentekniikka.fi', '+358 9 123 4567', 'Helsinki',
         None, None),
        ('jensen', '1006', 'Jensen El-service', 'DK44556677', 'jens@jensen-el.dk', '+45 75 12 34 56', 'Vejle', None, None)]:
    party = Party(name=name, code=code)
    party.identifiers.new(code=vat)
    party.contact_mechanisms.new(type='email', value=email)
    party.contact_mechanisms.new(type='phone', value=phone)
    party.addresses[0].city = city
    party.customer_payment_term = term
    party.sale_price_list = price_list
    if limit is not None:
        party.credit_limit_amount = Decimal(limit)
    if category is not None:
        party.categories.append(PartyCategory(category.id))
    party.save()
    customers[key] = party

suppliers = {}
for key, code, name, vat, email, category in [
        ('fjord', '5001', 'Fjord Components AS', 'NO912345678', 'sales@fjordcomponents.no', leverandor),
        ('moller', '5002', 'Møller Transport ApS', 'DK99887766', 'faktura@mollertransport.dk', None)]:
    supplier = Party(name=name, code=code)
    supplier.identifiers.new(code=vat)
    supplier.contact_mechanisms.new(type='email', value=email)
    supplier.supplier_payment_term = term
    if category is not None:
        supplier.categories.append(PartyCategory(category.id))
    supplier.save()
    suppliers[key] = supplier

Invoice = Model.get('account.invoice')


def invoice(type_, party, date, lines):
    inv = Invoice(type=type_, party=party, invoice_date=date, payment_term=term)
    for code, quantity, *price in lines:
        line = inv.lines.new()
        line.product = products[code]
        line.quantity = quantity
        line.unit_price = Decimal(price[0]) if price else products[code].list_price
    inv.save()
    return inv


def post_in_date_order(plan, type_, parties):
    """Invoice numbering is strict: post in date order. Pays those paid after some days."""
    made = sorted(((date, key, lines, paid) for key, date, lines, paid in plan), key=lambda p: p[0])
    done = []
    for date, key, lines, paid in made:
        inv = invoice(type_, parties[key], date, lines)
        accepting_warnings(lambda: inv.click('post'))
        done.append((inv, date, paid))
    for inv, date, paid in done:
        if paid is not None and date + datetime.timedelta(days=paid) <= today:
            pay = Wizard('account.invoice.pay', [inv])
            pay.form.payment_method = payment_method
            pay.form.date = date + datetime.timedelta(days=paid)
            accepting_warnings(lambda: pay.execute('choice'))
    return done


# (customer, invoice date, lines, paid after days or None); a negative quantity makes a credit note
customer_invoices = post_in_date_order([
    ('andersen', days_ago(400), [('CONSULT', 20)], 25), ('andersen', days_ago(300), [('SENSOR', 12), ('CABLE', 12)], 20),
    ('andersen', days_ago(120), [('PANEL', 2)], 30), ('andersen', days_ago(50), [('CONSULT', 10)], None),
    ('andersen', days_ago(10), [('INSTALL', 6)], None),
    # a credit note newer than the last invoice: neither the last invoice nor an open invoice
    ('andersen', days_ago(4), [('INSTALL', -2)], None),
    ('bergstrom', days_ago(380), [('PANEL', 5)], 28), ('bergstrom', days_ago(200), [('SENSOR', 40)], 35),
    ('bergstrom', days_ago(20), [('CONSULT', 30)], None),
    ('nordlys', days_ago(330), [('INSTALL', 16)], 14), ('nordlys', days_ago(90), [('SENSOR', 8)], 40),
    ('hansen', days_ago(260), [('CABLE', 30)], 60), ('hansen', days_ago(95), [('PANEL', 3)], None),
    ('hansen', days_ago(70), [('CONSULT', 8)], None),
    ('virtanen', days_ago(15), [('SENSOR', 2)], None), ('virtanen', days_ago(45), [('FILTER', 7)], 10),
    # net 30 from 30 days ago: due today, overdue from tomorrow
    ('jensen', days_ago(30), [('INSTALL', 4), ('FILTER', 3)], None),
    ('jensen', days_ago(31), [('CABLE', 2)], None),
], 'out', customers)

# supplier invoices in two years (a credit note among them), some paid
supplier_invoices = post_in_date_order([
    ('fjord', last_year + relativedelta(months=2, days=9), [('SENSOR', 100, '61.00')], 30),
    ('fjord', last_year + relativedelta(months=9, days=2), [('PANEL', 4, '402.50')], 20),
    ('fjord', in_this_year(60), [('CABLE', 200, '12.00')], None),
    ('fjord', in_this_year(25), [('CABLE', -20, '12.00')], None),
    ('moller', last_year + relativedelta(months=6), [('FRAGT', 1, '1450.00')], 14),
    ('moller', in_this_year(35), [('FRAGT', 1, '980.00')], None),
], 'in', suppliers)

Sale = Model.get('sale.sale')
sale = Sale(party=customers['bergstrom'], sale_date=days_ago(3), payment_term=term)
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
    employee.cost_prices.new(date=days_ago(400), cost_price=Decimal(cost))
    employee.save()
    employees.append(employee)
User = Model.get('res.user')
admin, = User.find([('login', '=', 'admin')])
admin.employees.extend(employees)
admin.employee = employees[0]
admin.save()

Work = Model.get('project.work')
TimesheetLine = Model.get('timesheet.line')
projects = {}
for key, name, customer, effort, task_name, task_effort, hours in [
        ('lager', 'PRJ-1042 Lagerautomatisering', 'bergstrom', 200, 'Sensornetværk', 120,
         [(40, 0, 6, None), (35, 1, 7.5, 'task'), (20, 0, 5, 'task'), (12, 1, 8, 'task'), (5, 0, 3.5, None)]),
        ('aarhus', 'PRJ-1043 Ombygning Aarhus', 'andersen', 80, 'Kabelføring', 40,
         [(30, 1, 4, 'task'), (9, 0, 6.25, None)])]:
    project = Work(name=name, type='project', party=customers[customer],
        project_invoice_method='timesheet', product=products['CONSULT'], list_price=Decimal('95.00'),
        timesheet_available=True, effort_duration=datetime.timedelta(hours=effort))
    project.children.new(name=task_name, type='task', product=products['CONSULT'],
        list_price=Decimal('95.00'), timesheet_available=True, effort_duration=datetime.timedelta(hours=task_effort))
    project.save()
    task, = project.children
    for ago, employee, duration, on in hours:
        work = task if on == 'task' else project
        TimesheetLine(date=days_ago(ago), employee=employees[employee],
            duration=datetime.timedelta(hours=duration), work=work.timesheet_works[0]).save()
    projects[key] = project

Purchase = Model.get('purchase.purchase')


def purchase(supplier, date, lines, *clicks):
    p = Purchase(party=suppliers[supplier], purchase_date=date, payment_term=term)
    for code, quantity, price, work in lines:
        line = p.lines.new()
        line.product = products[code]
        line.quantity = quantity
        line.unit_price = Decimal(price)
        if work is not None:
            line.work = projects[work]
    p.save()
    for click in clicks:
        accepting_warnings(lambda: p.click(click))
    return p


# purchases in every state: draft, quotation, confirmed/processing, cancelled; expenses on projects
purchase('fjord', days_ago(30), [('SENSOR', 50, '61.00', None), ('REJSE', 1, '840.00', 'lager'),
                                 ('CABLE', 40, '12.00', 'lager')], 'quote', 'confirm')
purchase('moller', days_ago(8), [('REJSE', 1, '615.50', 'aarhus'), ('FRAGT', 1, '320.00', 'aarhus')], 'quote', 'confirm')
purchase('fjord', days_ago(6), [('PANEL', 2, '402.50', None)], 'quote')
purchase('fjord', days_ago(2), [('FILTER', 30, '6.1234', None)])
purchase('moller', days_ago(40), [('FRAGT', 1, '75.00', None)], 'quote', 'cancel')
# done: a service bought, its invoice (made by Tryton on confirmation) posted and paid
finished = purchase('moller', in_this_year(50), [('FRAGT', 1, '210.00', None)], 'quote', 'confirm')
finished.reload()
finished_invoice, = finished.invoices
finished_invoice.invoice_date = in_this_year(50)
finished_invoice.save()
accepting_warnings(lambda: finished_invoice.click('post'))
pay = Wizard('account.invoice.pay', [finished_invoice])
pay.form.payment_method = payment_method
pay.form.date = in_this_year(50)
accepting_warnings(lambda: pay.execute('choice'))
finished.reload()
assert finished.state == 'done', finished.state

print('company, %d customers, %d suppliers, %d customer and %d supplier invoices, 1 sale, 6 purchases, %d projects' % (
    len(customers), len(suppliers), len(customer_invoices), len(supplier_invoices), len(projects)))
