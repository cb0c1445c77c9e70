package dev.portmoneconnect.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dashboard's words: Ukrainian here, English in {@code messages/msg_en.properties}. Templates
 * use them as {@code {msg:name}}.
 */
@MessageBundle(value = "msg", locale = "uk")
public interface Labels {

    @Message("Portmone Connect")
    String app();

    @Message("Підключення")
    String connections();

    @Message("Увімкнено")
    String on();

    @Message("Вимкнено")
    String off();

    @Message("Увімкнути")
    String switchOn();

    @Message("Вимкнути")
    String switchOff();

    @Message("Запустити зараз")
    String runNow();

    @Message("Пробний прогін")
    String dryRun();

    @Message("Пробний прогін: усе будується й записується, нічого не надсилається")
    String dryRunHint();

    @Message("Відкрити")
    String open();

    @Message("Коли запускається")
    String trigger();

    @Message("Наступні запуски")
    String nextRuns();

    @Message("не заплановано")
    String notPlanned();

    @Message("Останній запуск")
    String lastRun();

    @Message("Запусків ще не було")
    String noRuns();

    @Message("Джерело")
    String source();

    @Message("Доставка")
    String delivery();

    @Message("Запускається після")
    String upstream();

    @Message("Після нього запускаються")
    String downstream();

    @Message("Записів")
    String records();

    @Message("Рахунків")
    String invoiced();

    @Message("Доставлено")
    String delivered();

    @Message("Помилок")
    String failed();

    @Message("Пропущено")
    String skipped();

    @Message("Історія запусків")
    String runHistory();

    @Message("Записи з помилками")
    String failedRecords();

    @Message("Записів з помилками немає")
    String noFailedRecords();

    @Message("Причина")
    String reason();

    @Message("Повторити")
    String replay();

    @Message("Повторити всі невдалі")
    String replayFailed();

    @Message("Попередній перегляд")
    String preview();

    @Message("Показує рахунок, запит до Portmone і повідомлення для перших записів, що чекають, або для зразка. Нічого не надсилає і нічого не змінює.")
    String previewHint();

    @Message("Зразок запису (JSON-об’єкт або масив, необов’язково)")
    String sample();

    @Message("Переглянути")
    String showPreview();

    @Message("Тестове надсилання")
    String testSend();

    @Message("Створює справжній рахунок у Portmone з тестовим номером замовлення і надсилає його. Запис у джерелі лишається необробленим. Якщо вказати e-mail чи телефон, повідомлення йдуть лише туди.")
    String testSendHint();

    @Message("E-mail для тесту")
    String testEmail();

    @Message("Телефон для тесту")
    String testPhone();

    @Message("Надіслати тест")
    String sendTest();

    @Message("Початок")
    String started();

    @Message("Оновлено")
    String updated();

    @Message("Кінець")
    String finished();

    @Message("Чим запущено")
    String startedBy();

    @Message("Стан")
    String status();

    @Message("Ключ запису")
    String recordKey();

    @Message("Результат")
    String outcome();

    @Message("Крок")
    String step();

    @Message("Поле")
    String field();

    @Message("Код")
    String code();

    @Message("Номер замовлення")
    String orderNumber();

    @Message("Посилання на оплату")
    String paymentLink();

    @Message("Стан зараз")
    String statusNow();

    @Message("Запит createLinkPayment")
    String portmoneRequest();

    @Message("Повідомлення")
    String messageHeading();

    @Message("Коректний")
    String valid();

    @Message("Некоректний")
    String invalid();

    @Message("Рахунок")
    String invoice();

    @Message("Платник")
    String payer();

    @Message("Телефон")
    String phone();

    @Message("Сума")
    String amount();

    @Message("Призначення")
    String description();

    @Message("Мова")
    String language();

    @Message("Кому")
    String to();

    @Message("Тема")
    String subject();

    @Message("Частин SMS")
    String parts();

    @Message("Кодування")
    String encoding();

    @Message("Немає записів, що чекають на запуск")
    String noPendingRecords();

    @Message("Уже в журналі")
    String inLedger();

    @Message("Поля запису")
    String fields();

    @Message("Посилання у повідомленнях — заглушка: справжнє дасть Portmone під час запуску.")
    String linkPlaceholder();

    @Message("Запуск")
    String run();

    @Message("Сторінка оновлюється, доки запуск триває.")
    String refreshing();

    @Message("Помилка запуску")
    String runError();

    @Message("До списку підключень")
    String backToConnections();

    @Message("Назад")
    String back();

    @Message("тест")
    String testFlag();

    @Message("пробний")
    String dryFlag();

    @Message("Дії")
    String actions();

    @Message("Немає")
    String none();

    @Message("Запит не виконано")
    String refused();

    @Message("Мова сторінки")
    String pageLanguage();

    @Message("Не запустилося")
    String notStarted();

    @Message("Файл маршруту")
    String routeFile();

    @Message("Параметр")
    String option();

    @Message("Записів чекає у вебхуку")
    String waitingInInbox();

    @Message("Поки файл не виправлено, підключення не запускається; його вебхук приймає записи й зберігає їх до першого запуску.")
    String notStartedHint();

    @Message("{#when step}{#is 'mapping'}перевірка полів{#is 'guard'}журнал{#is 'portmone'}Portmone{#is 'delivery'}доставка{#else}{step}{/when}")
    String stepName(String step);

    @Message("Підключення {id} увімкнено")
    String switchedOn(String id);

    @Message("Підключення {id} вимкнено: розклад і попередні підключення його не запускають")
    String switchedOff(String id);

    @Message("Потребують уваги")
    String needsAttention();

    @Message("Увага")
    String attention();

    @Message("{count} з {since}")
    String attentionCount(int count, String since);

    @Message("повторюються самі: {count}")
    String retryingCount(int count);

    @Message("записів, що не дійшли до платника й чекають на оператора: {count}")
    String attentionTotal(int count);

    @Message("Оплати")
    String payments();

    @Message("оплачено {paid} з {invoiced}")
    String paidOf(long paid, long invoiced);

    @Message("до сплати {sum}")
    String outstandingShort(String sum);

    @Message("Виставлено рахунків")
    String invoicesIssued();

    @Message("Оплачено")
    String paidLabel();

    @Message("Очікує оплати")
    String outstanding();

    @Message("Прострочено")
    String expiredLabel();

    @Message("Повернено")
    String returnedLabel();

    @Message("Кількість")
    String count();

    @Message("Неоплачені рахунки")
    String unpaidInvoices();

    @Message("Неоплачених рахунків немає")
    String noUnpaidInvoices();

    @Message("Виставлено")
    String invoicedAt();

    @Message("Чекає")
    String openFor();

    @Message("Дійсний до")
    String expiresAt();

    @Message("платіж відхилено")
    String rejectedPayment();

    @Message("{days} д {hours} год")
    String ageDaysHours(long days, long hours);

    @Message("{hours} год {minutes} хв")
    String ageHoursMinutes(long hours, long minutes);

    @Message("{minutes} хв")
    String ageMinutes(long minutes);

    @Message("{#when status}{#is 'SUCCEEDED'}Успішно{#is 'PARTIAL'}Частково{#is 'FAILED'}Помилка{#is 'RUNNING'}Виконується{#is 'ABANDONED'}Покинуто{#is 'INTERRUPTED'}Зупинено{#else}{status}{/when}")
    String runStatus(String status);

    @Message("{#when outcome}{#is 'DELIVERED'}Доставлено{#is 'INVOICED'}Рахунок створено{#is 'DRY_RUN'}Пробний прогін{#is 'FAILED'}Помилка{#is 'PARKED'}Відкладено{#is 'SKIPPED'}Пропущено{#is 'RETRY'}Повторна спроба{#is 'RECEIVED'}Прийнято{#is 'NOT_WRITTEN_BACK'}Не записано в таблицю{#is 'SENT'}Надіслано{#is 'REHEARSED'}Пробний прогін{#is 'PAID'}Оплачено{#is 'UNPAID'}Не оплачено{#is 'REJECTED'}Платіж відхилено{#is 'RETURNED'}Повернено{#is 'EXPIRED'}Прострочено{#is 'CLOSED'}Закрито{#is 'CLOSE_FAILED'}Не закрито{#else}{outcome}{/when}")
    String outcomeName(String outcome);

    @Message("{#when kind}{#is 'webhook'}вебхук{#is 'inbox'}вхідні записи вебхука{#is 'sample'}зразок{#is 'google-sheets'}Google Таблиці{#is 'sheet'}рядки Google Таблиці{#is 'email'}e-mail{#is 'sms'}SMS{#is 'email,sms'}e-mail і SMS{#is 'payments'}оплати Portmone{#else}{kind}{/when}")
    String kindName(String kind);

    @Message("{#when kind}{#is 'manual'}вручну{#is 'schedule'}за розкладом{#is 'after'}після {upstream}{#is 'replay'}повтор{#is 'test'}тестове надсилання{#else}{kind}{/when}")
    String triggerKind(String kind, String upstream);
}
