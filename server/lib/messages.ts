import { formatMessage } from '../../domain/text/message-format';

export type Locale = 'zh-CN' | 'en-US';

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'ACCOUNT_DELETED'
  | 'LOGIN_CODE_INVALID'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_COMMITTED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'LOGIN_METHOD_UNAVAILABLE'
  | 'PLATFORM_UNAVAILABLE'
  | 'SPONSORSHIP_CLOSED'
  | 'LETTER_NOT_REPLYABLE'
  | 'REDACTION_INVALID'
  | 'PHOTO_MISSING'
  | 'PHOTO_NOT_AN_IMAGE'
  | 'PHOTO_TOO_LARGE'
  | 'PHOTO_TOO_MANY_PIXELS'
  | 'PHOTO_UNAVAILABLE'
  | 'FILE_LINK_EXPIRED'
  | 'STUDENT_TAKEN'
  | 'RESERVATION_EXPIRED'
  | 'ACKNOWLEDGEMENTS_MISSING'
  | 'RENEWAL_NOT_OFFERED'
  | 'STUDENT_NOT_LEFT'
  | 'RECEIPT_UNAVAILABLE'
  | 'SPONSORSHIP_NOT_CONFIRMED'
  | 'STORY_MISSING'
  | 'POOL_REQUIREMENTS_MISSING'
  | 'CONSENT_ALREADY_WITHDRAWN'
  | 'CASEWORKER_INVALID'
  | 'INVITE_INVALID'
  | 'INVITE_USED'
  | 'INVITE_EXPIRED'
  | 'IDENTITY_ALREADY_BOUND'
  | 'TERM_REPORT_EXISTS'
  | 'UPLOAD_UNAVAILABLE'
  | 'SUBSCRIPTION_TEMPLATE_UNKNOWN'
  | 'ALERT_ALREADY_ACKNOWLEDGED'
  | 'ALERT_CLOSED'
  | 'ATTEMPT_TIME_INVALID'
  | 'OUTCOME_DETAIL_MISSING'
  | 'RESUME_DATE_INVALID'
  | 'HANDOVER_TARGET_INVALID'
  | 'HANDOVER_PENDING'
  | 'HANDOVER_DECIDED'
  | 'TASK_ALREADY_DONE'
  | 'POLICY_INVALID'
  | 'POLICY_VERSION_STALE'
  | 'LETTER_NOT_WITHDRAWABLE'
  | 'LETTER_CARE_HOLD'
  | 'FLAG_ALREADY_ACKNOWLEDGED'
  | 'FLAG_CLOSED'
  | 'FLAG_NEEDS_ACTION'
  | 'FLAG_REASON_REQUIRED'
  | 'GUARDIAN_REQUEST_CLOSED'
  | 'GUARDIAN_REQUEST_KIND'
  | 'GUARDIAN_REQUEST_NOT_ACTED'
  | 'STUDENT_ANONYMISED'
  | 'STUDENT_OPEN_CARE'
  | 'PAYMENT_DETAILS_INVALID'
  | 'MERCHANT_SETTINGS_INVALID'
  | 'MERCHANT_VERSION_STALE'
  | 'PAYMENT_NOT_AVAILABLE'
  | 'SPONSORSHIP_NOT_PAYABLE'
  | 'TOO_MANY_PERIODS'
  | 'PAYER_ACCOUNT_NEEDED'
  | 'ORDER_NOT_REFUNDABLE'
  | 'REFUND_EXCEEDS_REMAINDER'
  | 'MERCHANT_NOT_CONFIGURED'
  | 'LEDGER_ENTRY_NOT_PAYMENT'
  | 'STATEMENT_LINK_EXPIRED'
  | 'STATEMENT_FONT_MISSING'
  | 'GIFTS_YEAR_FULL'
  | 'INTERNAL';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  ACCOUNT_DELETED: 401,
  LOGIN_CODE_INVALID: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_COMMITTED: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOGIN_METHOD_UNAVAILABLE: 404,
  PLATFORM_UNAVAILABLE: 502,
  SPONSORSHIP_CLOSED: 409,
  LETTER_NOT_REPLYABLE: 409,
  REDACTION_INVALID: 400,
  PHOTO_MISSING: 400,
  PHOTO_NOT_AN_IMAGE: 415,
  PHOTO_TOO_LARGE: 413,
  PHOTO_TOO_MANY_PIXELS: 413,
  PHOTO_UNAVAILABLE: 400,
  FILE_LINK_EXPIRED: 404,
  STUDENT_TAKEN: 409,
  RESERVATION_EXPIRED: 409,
  ACKNOWLEDGEMENTS_MISSING: 400,
  RENEWAL_NOT_OFFERED: 409,
  STUDENT_NOT_LEFT: 409,
  RECEIPT_UNAVAILABLE: 400,
  SPONSORSHIP_NOT_CONFIRMED: 409,
  STORY_MISSING: 409,
  POOL_REQUIREMENTS_MISSING: 409,
  CONSENT_ALREADY_WITHDRAWN: 409,
  CASEWORKER_INVALID: 400,
  INVITE_INVALID: 404,
  INVITE_USED: 409,
  INVITE_EXPIRED: 410,
  IDENTITY_ALREADY_BOUND: 409,
  TERM_REPORT_EXISTS: 409,
  UPLOAD_UNAVAILABLE: 400,
  SUBSCRIPTION_TEMPLATE_UNKNOWN: 400,
  ALERT_ALREADY_ACKNOWLEDGED: 409,
  ALERT_CLOSED: 409,
  ATTEMPT_TIME_INVALID: 400,
  OUTCOME_DETAIL_MISSING: 400,
  RESUME_DATE_INVALID: 400,
  HANDOVER_TARGET_INVALID: 400,
  HANDOVER_PENDING: 409,
  HANDOVER_DECIDED: 409,
  TASK_ALREADY_DONE: 409,
  POLICY_INVALID: 400,
  POLICY_VERSION_STALE: 409,
  LETTER_NOT_WITHDRAWABLE: 409,
  LETTER_CARE_HOLD: 409,
  FLAG_ALREADY_ACKNOWLEDGED: 409,
  FLAG_CLOSED: 409,
  FLAG_NEEDS_ACTION: 400,
  FLAG_REASON_REQUIRED: 400,
  GUARDIAN_REQUEST_CLOSED: 409,
  GUARDIAN_REQUEST_KIND: 409,
  GUARDIAN_REQUEST_NOT_ACTED: 409,
  STUDENT_ANONYMISED: 409,
  STUDENT_OPEN_CARE: 409,
  PAYMENT_DETAILS_INVALID: 400,
  MERCHANT_SETTINGS_INVALID: 400,
  MERCHANT_VERSION_STALE: 409,
  PAYMENT_NOT_AVAILABLE: 409,
  SPONSORSHIP_NOT_PAYABLE: 409,
  TOO_MANY_PERIODS: 400,
  PAYER_ACCOUNT_NEEDED: 409,
  ORDER_NOT_REFUNDABLE: 409,
  REFUND_EXCEEDS_REMAINDER: 409,
  MERCHANT_NOT_CONFIGURED: 409,
  LEDGER_ENTRY_NOT_PAYMENT: 409,
  STATEMENT_LINK_EXPIRED: 410,
  STATEMENT_FONT_MISSING: 503,
  GIFTS_YEAR_FULL: 409,
  INTERNAL: 500,
};

const MESSAGES: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '提交的内容有误，请按提示修改后再试。',
    UNAUTHENTICATED: '登录已过期，请重新登录。',
    ACCOUNT_DELETED: '这个账户已经注销。',
    LOGIN_CODE_INVALID: '登录凭证无效或已使用，请重新点击登录。',
    INVALID_CREDENTIALS: '用户名或密码不正确。',
    FORBIDDEN: '你没有权限进行这个操作。',
    NOT_FOUND: '找不到这条记录，它可能已被移除，或你无权查看。',
    CONFLICT: '这条记录刚刚被修改过，请刷新后再试。',
    IDEMPOTENCY_KEY_REUSED: '这次提交与之前的一次冲突，请刷新后重新提交。',
    IDEMPOTENCY_IN_PROGRESS: '上一次提交还在处理中，请稍候片刻。',
    IDEMPOTENCY_COMMITTED: '这次提交已经保存好了，刷新即可看到。',
    RATE_LIMITED: '尝试次数太多，请稍等一分钟再试。',
    PAYLOAD_TOO_LARGE: '提交的内容太大，请删减后再试。',
    UNSUPPORTED_MEDIA_TYPE: '提交的格式不受支持。',
    LOGIN_METHOD_UNAVAILABLE: '这种登录方式暂未开放。',
    PLATFORM_UNAVAILABLE: '暂时无法连接微信或支付宝服务，请稍后再试。',
    SPONSORSHIP_CLOSED: '这段资助关系已经结束或尚未开始，现在不能通过它写信。',
    LETTER_NOT_REPLYABLE: '这封信现在不能回复：可能已经回复过了。',
    REDACTION_INVALID: '要遮盖的段落超出了信的范围，或彼此重叠，请重新选择。',
    PHOTO_MISSING: '没有收到照片，请重新选择一张照片。',
    PHOTO_NOT_AN_IMAGE: '这个文件不是照片。请选择 JPG、PNG、WebP 或 HEIF 格式的图片。',
    PHOTO_TOO_LARGE: '照片太大了（最多 8 MB），请换一张或压缩后再试。',
    PHOTO_TOO_MANY_PIXELS: '照片尺寸太大（最多 4000 万像素），请换一张较小的照片。',
    PHOTO_UNAVAILABLE: '有照片找不到了，或已用在另一封信里，请重新上传。',
    FILE_LINK_EXPIRED: '这个链接已过期，请重新打开这封信。',
    STUDENT_TAKEN: '刚刚有人选择了资助这位同学。还有其他同学在等待资助，看看他们吧。',
    RESERVATION_EXPIRED: '为你保留的 15 分钟已经过去，这位同学已重新开放。如果仍想资助，请重新选择。',
    ACKNOWLEDGEMENTS_MISSING: '还有几项没有确认。请逐项阅读并勾选后再确认资助。',
    RENEWAL_NOT_OFFERED: '这段资助现在还不能续期：续期在资助到期前 90 天内、且学生尚未毕业时开放。',
    STUDENT_NOT_LEFT: '机构没有记录这位同学离开项目，所以现在不需要做这个选择。',
    RECEIPT_UNAVAILABLE: '找不到这张收据照片，或它已经用在另一笔支出里，请重新上传。',
    SPONSORSHIP_NOT_CONFIRMED: '这段资助还没有确认，暂时不能登记款项。',
    STORY_MISSING: '还没有写学生故事，无法审核通过。',
    POOL_REQUIREMENTS_MISSING: '这位同学还不能进入待资助名单：请先补齐下面列出的事项。',
    CONSENT_ALREADY_WITHDRAWN: '这份监护人同意书已经撤回了。',
    CASEWORKER_INVALID: '所选社工不是本机构的社工，请重新选择。',
    INVITE_INVALID: '邀请码不正确，请核对后再输入，或请社工重新发一个。',
    INVITE_USED: '这个邀请码已经用过了。如需在新手机上登录，请请社工重新发一个。',
    INVITE_EXPIRED: '这个邀请码已过期，请请社工重新发一个。',
    IDENTITY_ALREADY_BOUND: '这个微信或支付宝账号已经绑定了另一个伴学账号，不能再绑定这位同学。请换一个账号，或联系社工。',
    TERM_REPORT_EXISTS: '这个学期已经有一份报告了，每个学期只收一份。要更正已有的报告，请联系负责这名学生的社工。',
    UPLOAD_UNAVAILABLE: '找不到这张照片，或它已经用过了，请重新上传。',
    SUBSCRIPTION_TEMPLATE_UNKNOWN: '有消息模板不在你可以订阅的范围内：可能已经更换，或当前的登录方式收不到微信、支付宝消息。请重新打开页面后再试。',
    ALERT_ALREADY_ACKNOWLEDGED: '这条提醒已经有人确认接手了，请刷新查看最新进展。',
    ALERT_CLOSED: '这条提醒已经结案，不能再操作。请刷新查看结案结果。',
    ATTEMPT_TIME_INVALID: '联系时间不能晚于现在，也不能早于提醒开启的时间。',
    OUTCOME_DETAIL_MISSING: '这个结案结果还需要补充信息，请填写标出的项目。',
    RESUME_DATE_INVALID: '恢复日期需要是今天之后的日期。',
    HANDOVER_TARGET_INVALID: '请选择另一家伙伴机构来接收这位同学。',
    HANDOVER_PENDING: '这位同学已有一项等待对方机构答复的移交，请等对方决定后再提出。',
    HANDOVER_DECIDED: '这项移交已经处理过了，请刷新查看结果。',
    TASK_ALREADY_DONE: '这项任务已经完成了。',
    POLICY_INVALID: '机构规则有几处需要修改，请按标出的提示调整后再保存。',
    POLICY_VERSION_STALE: '机构规则在你编辑期间已被他人修改。请刷新，查看最新版本后再修改。',
    LETTER_NOT_WITHDRAWABLE: '这封信已经转交或已撤回，不能再撤回或修改。请刷新查看它现在的状态。',
    LETTER_CARE_HOLD: '这封信里有需要先处理的学生安危提醒。请先在“紧急”队列里处理，再审核这封信。',
    FLAG_ALREADY_ACKNOWLEDGED: '这条提醒已经有人确认接手了，请刷新查看最新进展。',
    FLAG_CLOSED: '这条提醒已经结案，不能再操作。请刷新查看结案结果。',
    FLAG_NEEDS_ACTION: '请先记录你做了什么（联系到学生、联系学校或报警求助），再标记为已处理。',
    FLAG_REASON_REQUIRED: '标记为误报时请写明理由，它会记入审计日志。',
    GUARDIAN_REQUEST_CLOSED: '这项监护人申请已经办结或已拒绝。请刷新查看结果。',
    GUARDIAN_REQUEST_KIND: '这个操作不适用于这类申请（查阅、更正、删除各有各的处理方式）。',
    GUARDIAN_REQUEST_NOT_ACTED: '请先处理这项申请（生成资料包或更正资料），再标记为已办结。',
    STUDENT_ANONYMISED: '这位同学的个人资料已经删除，无法再修改。',
    STUDENT_OPEN_CARE: '这位同学还有未处理完的关怀事项（失联提醒或安全关注）。请先处理完毕再删除资料；如担心这项申请会让孩子处于危险之中，请先与机构负责人商量。',
    PAYMENT_DETAILS_INVALID: '转账和联系信息有几处需要修改，请按标出的提示调整后再保存。',
    MERCHANT_SETTINGS_INVALID: '收款商户设置有几处需要修改，请按标出的提示调整后再保存。',
    MERCHANT_VERSION_STALE: '收款商户设置在你编辑期间已被他人修改。请刷新，查看最新设置后再修改。',
    PAYMENT_NOT_AVAILABLE: '合作机构还没有开通这种在线付款方式，请按账本页上的信息转账，或选择其他付款方式。',
    SPONSORSHIP_NOT_PAYABLE: '这份资助现在不能付款：确认期结束、资助生效后才能付款，已结束的资助不再收款。',
    TOO_MANY_PERIODS: '选择的期数超过了尚未支付的期数，资助承诺之外不能多付。',
    PAYER_ACCOUNT_NEEDED: '请先用微信或支付宝登录小程序，再在小程序里付款；也可以在网页上扫码付款。',
    ORDER_NOT_REFUNDABLE: '只有已支付的订单可以退款。请刷新查看订单现在的状态。',
    REFUND_EXCEEDS_REMAINDER: '退款金额超过了这笔订单还可退的金额（已退和退款中的都已算入）。',
    MERCHANT_NOT_CONFIGURED: '本机构还没有设置这个支付平台的收款商户。',
    LEDGER_ENTRY_NOT_PAYMENT: '捐赠票据编号只能记在收款记录上。',
    STATEMENT_LINK_EXPIRED: '这个下载链接已过期（有效 15 分钟），请回到年度资助明细页重新下载。',
    STATEMENT_FONT_MISSING: '暂时无法生成 PDF：服务器缺少中文字体（请管理员设置 BANXUE_STATEMENT_FONT）。CSV 仍可下载。',
    GIFTS_YEAR_FULL: '这一年自行填报的捐赠已达 100 条上限，请删除不需要的条目后再添加。',
    INTERNAL: '服务器出了点问题，请稍后再试。我们已记录下这个问题。',
  },
  'en-US': {
    VALIDATION_FAILED: 'Some of what you sent is not valid. Please correct it and try again.',
    UNAUTHENTICATED: 'Your session has expired. Please sign in again.',
    ACCOUNT_DELETED: 'This account has been deleted.',
    LOGIN_CODE_INVALID: 'The sign-in code is invalid or was already used. Please tap sign in again.',
    INVALID_CREDENTIALS: 'The username or password is not correct.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'This record could not be found. It may have been removed, or you may not have access to it.',
    CONFLICT: 'This record was just changed. Please refresh and try again.',
    IDEMPOTENCY_KEY_REUSED: 'This submission conflicts with an earlier one. Please refresh and submit again.',
    IDEMPOTENCY_IN_PROGRESS: 'Your previous submission is still being processed. Please wait a moment.',
    IDEMPOTENCY_COMMITTED: 'This was already saved. Refresh to see it.',
    RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large. Please shorten it and try again.',
    UNSUPPORTED_MEDIA_TYPE: 'This format is not supported.',
    LOGIN_METHOD_UNAVAILABLE: 'This sign-in method is not available.',
    PLATFORM_UNAVAILABLE: 'WeChat or Alipay cannot be reached right now. Please try again later.',
    SPONSORSHIP_CLOSED: 'This sponsorship has ended or has not started yet, so letters cannot be sent through it.',
    LETTER_NOT_REPLYABLE: 'This letter cannot be answered now; it may already have a reply.',
    REDACTION_INVALID: 'The passages to hide fall outside the letter or overlap each other. Please select them again.',
    PHOTO_MISSING: 'No photo arrived. Please choose a photo again.',
    PHOTO_NOT_AN_IMAGE: 'This file is not a photo. Please choose a JPG, PNG, WebP or HEIF image.',
    PHOTO_TOO_LARGE: 'This photo is too large (8 MB at most). Please choose another or make it smaller.',
    PHOTO_TOO_MANY_PIXELS: 'This photo has too many pixels (40 megapixels at most). Please choose a smaller one.',
    PHOTO_UNAVAILABLE: 'A photo could not be found or is already used in another letter. Please upload it again.',
    FILE_LINK_EXPIRED: 'This link has expired. Please open the letter again.',
    STUDENT_TAKEN: 'Someone has just chosen to support this student. Other students are still waiting; have a look at them.',
    RESERVATION_EXPIRED: 'The 15 minutes we held this student for you have passed, and they are open to others again. Choose them again if you still wish to.',
    ACKNOWLEDGEMENTS_MISSING: 'Some points are not confirmed yet. Please read and tick each one before confirming.',
    RENEWAL_NOT_OFFERED: 'This sponsorship cannot be renewed yet: renewal opens in the last 90 days of the term, while the student is still at school.',
    STUDENT_NOT_LEFT: 'The partner has not recorded that this student left the program, so there is nothing to choose now.',
    RECEIPT_UNAVAILABLE: 'The receipt photo could not be found or is already used for another disbursement. Please upload it again.',
    SPONSORSHIP_NOT_CONFIRMED: 'This sponsorship is not confirmed yet, so no money can be recorded for it.',
    STORY_MISSING: 'There is no story to approve yet.',
    POOL_REQUIREMENTS_MISSING: 'This student cannot enter the pool yet: the items listed below are missing.',
    CONSENT_ALREADY_WITHDRAWN: 'This guardian consent has already been withdrawn.',
    CASEWORKER_INVALID: "The caseworker chosen is not one of this organisation's caseworkers. Please choose again.",
    INVITE_INVALID: 'This invite code is not valid. Please check it, or ask your caseworker for a new one.',
    INVITE_USED: 'This invite code has already been used. Ask your caseworker for a new one to sign in on a new phone.',
    INVITE_EXPIRED: 'This invite code has expired. Please ask your caseworker for a new one.',
    IDENTITY_ALREADY_BOUND: 'This WeChat or Alipay account is already linked to another Banxue account, so it cannot be linked to this student. Use another account or contact your caseworker.',
    TERM_REPORT_EXISTS: "This term already has a report, and each term takes one. To correct the report, contact the student's caseworker.",
    UPLOAD_UNAVAILABLE: 'The photo could not be found or is already used. Please upload it again.',
    SUBSCRIPTION_TEMPLATE_UNKNOWN: 'Some of these message templates are not ones you can subscribe to: they may have changed, or the way you signed in cannot receive WeChat or Alipay messages. Please reopen the page and try again.',
    ALERT_ALREADY_ACKNOWLEDGED: 'This alert has already been acknowledged. Refresh to see where it stands.',
    ALERT_CLOSED: 'This alert has already been closed. Refresh to see its outcome.',
    ATTEMPT_TIME_INVALID: 'The time of contact cannot be in the future or before the alert opened.',
    OUTCOME_DETAIL_MISSING: 'This outcome needs more information. Please fill in the field marked.',
    RESUME_DATE_INVALID: 'The resume date must be after today.',
    HANDOVER_TARGET_INVALID: 'Please choose another partner organisation to receive this student.',
    HANDOVER_PENDING: 'A handover of this student is already waiting for the other organisation to decide.',
    HANDOVER_DECIDED: 'This handover has already been decided. Refresh to see the decision.',
    TASK_ALREADY_DONE: 'This task is already done.',
    POLICY_INVALID: 'Some parts of the policy need changing. Please adjust the fields marked and save again.',
    POLICY_VERSION_STALE: 'Someone changed the policy while you were editing it. Refresh to see the latest version, then make your changes again.',
    LETTER_NOT_WITHDRAWABLE: 'This letter has already been delivered or withdrawn, so it can no longer be withdrawn or edited. Refresh to see where it stands.',
    LETTER_CARE_HOLD: 'This letter has a student-safety flag to handle first. Handle it in the Urgent queue, then review the letter.',
    FLAG_ALREADY_ACKNOWLEDGED: 'Someone has already acknowledged this flag. Refresh to see where it stands.',
    FLAG_CLOSED: 'This flag has already been closed. Refresh to see its outcome.',
    FLAG_NEEDS_ACTION: 'Record what you did first (reached the student, contacted the school, or called emergency services), then mark it handled.',
    FLAG_REASON_REQUIRED: 'Give a reason when marking a flag as a false alarm; it goes into the audit log.',
    GUARDIAN_REQUEST_CLOSED: 'This guardian request has already been completed or refused. Refresh to see its outcome.',
    GUARDIAN_REQUEST_KIND: 'This step does not fit this kind of request (access, correction and deletion are each handled their own way).',
    GUARDIAN_REQUEST_NOT_ACTED: 'Act on the request first (prepare the data package or correct the record), then mark it completed.',
    STUDENT_ANONYMISED: 'This student’s personal data has already been erased and can no longer be changed.',
    STUDENT_OPEN_CARE: 'This student still has open care items (a lost-contact alert or a safety flag). Close them before erasing the data; if you worry the request could put the child at risk, talk to your NGO lead first.',
    PAYMENT_DETAILS_INVALID: 'Some of the transfer and contact details need changing. Please adjust the fields marked and save again.',
    MERCHANT_SETTINGS_INVALID: 'Some of the merchant settings need changing. Please adjust the fields marked and save again.',
    MERCHANT_VERSION_STALE: 'Someone changed the merchant settings while you were editing them. Refresh to see the latest settings, then make your changes again.',
    PAYMENT_NOT_AVAILABLE: 'The partner NGO does not take this kind of payment in the app yet. Please pay by bank transfer as the ledger says, or choose another way to pay.',
    SPONSORSHIP_NOT_PAYABLE: 'This sponsorship cannot be paid now: payments start once the review period is over and the sponsorship is active, and an ended sponsorship takes no more payments.',
    TOO_MANY_PERIODS: 'That is more periods than are left unpaid; nothing beyond the pledge can be paid.',
    PAYER_ACCOUNT_NEEDED: 'Please sign in to the mini-program with WeChat or Alipay to pay inside it, or pay by scanning a code on the web.',
    ORDER_NOT_REFUNDABLE: 'Only a paid order can be refunded. Refresh to see where this order stands.',
    REFUND_EXCEEDS_REMAINDER: 'The refund is more than this order still allows (refunds made and under way are counted).',
    MERCHANT_NOT_CONFIGURED: 'Your organisation has no merchant set up on this payment platform.',
    LEDGER_ENTRY_NOT_PAYMENT: 'A donation receipt number can only be recorded on a payment received.',
    STATEMENT_LINK_EXPIRED: 'This download link has expired (links last 15 minutes). Go back to your yearly statement and download it again.',
    STATEMENT_FONT_MISSING: 'The PDF cannot be made right now: the server has no Chinese font (an administrator sets BANXUE_STATEMENT_FONT). The CSV can still be downloaded.',
    GIFTS_YEAR_FULL: 'This year already has 100 self-reported gifts, the most it can hold. Delete ones you no longer need before adding more.',
    INTERNAL: 'Something went wrong on our side. Please try again later; the problem has been logged.',
  },
};

export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return MESSAGES[locale][code];
}

/** Field-level validation messages, by the JSON-schema keyword that failed. */
export function fieldMessage(keyword: string, params: Record<string, unknown>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  // `periods:max:<n>`: the most periods an order may still pay.
  const maxPeriods = /^periods:max:(\d+)$/.exec(keyword);
  if (maxPeriods) {
    return formatMessage(zh ? '最多还能付 {count} 期' : 'at most {count, plural, one {# period is} other {# periods are}} left to pay', { count: Number(maxPeriods[1]) }, locale);
  }
  const refundable = /^refundable:(\d+)$/.exec(keyword);
  if (refundable) {
    const yuan = (Number(refundable[1]) / 100).toFixed(2);
    return zh ? `最多还可退 ¥${yuan}` : `at most ¥${yuan} can still be refunded`;
  }
  switch (keyword) {
    case 'required':
      return zh ? `缺少必填项 ${String(params.missingProperty)}` : `${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return zh ? `不认识的字段 ${String(params.additionalProperty)}` : `unknown field ${String(params.additionalProperty)}`;
    case 'minLength':
      return formatMessage(zh ? '至少需要 {limit} 个字符' : 'must be at least {limit, plural, one {# character} other {# characters}}', { limit: Number(params.limit) }, locale);
    case 'maxLength':
      return formatMessage(zh ? '最多 {limit} 个字符' : 'must be at most {limit, plural, one {# character} other {# characters}}', { limit: Number(params.limit) }, locale);
    case 'minimum':
    case 'maximum':
      return zh ? `数值需${keyword === 'minimum' ? '不小于' : '不大于'} ${String(params.limit)}` : `must be ${keyword === 'minimum' ? '≥' : '≤'} ${String(params.limit)}`;
    case 'type':
      return zh ? `类型应为 ${String(params.type)}` : `must be of type ${String(params.type)}`;
    case 'format':
      return zh ? `格式应为 ${String(params.format)}` : `must be a valid ${String(params.format)}`;
    case 'number:out_of_range':
      return zh ? '数值超出范围' : 'the number is out of range';
    case 'text:nul':
      return zh ? '含有无法保存的空字符（U+0000）' : 'contains a NUL character (U+0000), which cannot be stored';
    case 'idempotency_key':
      return zh ? '应为 1–128 个字母、数字或 _.:- 字符' : 'must be 1–128 letters, digits or _.:- characters';
    case 'json:too_deep':
      return zh ? '内容嵌套层级过深' : 'the content is nested too deeply';
    case 'bill_date':
      return zh ? '需要是今天之前的日期（当天的账单次日才有）' : 'must be a day before today (a day’s bill is ready the next day)';
    case 'cursor':
      return zh ? '分页位置无效，请刷新列表' : 'the page position is not valid; refresh the list';
    case 'term':
      return zh ? '应为学年和学期，如 2025-2026-2（2025–2026 学年第二学期）' : 'must be a school year and term, e.g. 2025-2026-2 (the 2025–2026 school year, term 2)';
    case 'ack:commitment':
      return zh ? '尚未确认：资助承诺（每期金额、期数、年限和总额）' : 'not confirmed yet: the commitment (amount, payments, years and total)';
    case 'ack:expectations':
      return zh ? '尚未确认：来信和近况的频率，以及学生从不被要求写信或致谢' : 'not confirmed yet: how often letters and check-ins come, and that students are never required to write or thank';
    case 'ack:safeguarding':
      return zh ? '尚未确认：保护规则（不交换联系方式、不私下转账、不约见面）' : 'not confirmed yet: the safeguarding rules (no contact details, no money outside the partner, no meetings)';
    case 'ack:disbursement':
      return zh ? '尚未确认：机构的资助款使用办法' : "not confirmed yet: the partner's disbursement policy";
    case 'pool:consent_missing':
      return zh ? '缺少有效的监护人同意书' : 'no guardian consent on file';
    case 'pool:story_not_approved':
      return zh ? '学生故事尚未审核通过' : 'the story is not approved yet';
    case 'pool:sponsorship_exists':
      return zh ? '已有资助或保留中的资助' : 'a sponsorship or reservation already holds the student';
    case 'pool:not_active':
      return zh ? '学生不在项目中' : 'the student is not active in the program';
    case 'subscription:template_unknown':
      return zh ? '不是可以订阅的消息模板' : 'not a message template you can subscribe to';
    case 'pool:already_in_pool':
      return zh ? '已经在待资助名单中' : 'already in the pool';
    case 'caseworker':
      return zh ? '请选择本机构的一位社工' : 'choose a caseworker of this organisation';
    case 'attempt_time':
      return zh ? '不能晚于现在，也不能早于提醒开启的时间' : 'cannot be in the future or before the alert opened';
    case 'future_date':
      return zh ? '需要是今天之后的日期' : 'must be a date after today';
    case 'not_future_date':
      return zh ? '不能是今天之后的日期' : 'cannot be a date after today';
    case 'date_before_2000':
      return zh ? '不能早于 2000 年' : 'cannot be before 2000';
    case 'other_ngo':
      return zh ? '请选择另一家伙伴机构' : 'choose another partner organisation';
    case 'policy:cadence_out_of_range':
      return zh ? '近况间隔需在 7 到 120 天之间' : 'the check-in cadence must be between 7 and 120 days';
    case 'policy:sla_out_of_range':
      return zh ? '时限需在 1 到 720 小时之间' : 'must be between 1 and 720 hours';
    case 'policy:sla_contact_before_ack':
      return zh ? '首次联系时限不能短于确认时限' : 'the first-contact time cannot be shorter than the acknowledgement time';
    case 'policy:outreach_out_of_range':
      return zh ? '考后关怀天数需在 1 到 60 天之间' : 'must be between 1 and 60 days after results day';
    case 'policy:urgent_ack_out_of_range':
      return zh ? '紧急情况确认时限需在 5 到 240 分钟之间' : 'an urgent flag must be acknowledged within 5 to 240 minutes';
    case 'policy:concern_due_out_of_range':
      return zh ? '需要关心的跟进时限需在 1 到 168 小时之间' : 'a concern must be followed up within 1 to 168 hours';
    case 'policy:ladder_missing_step':
      return zh ? '每个步骤（两次提醒、关注名单、失联提醒）都需要出现一次' : 'each step (both nudges, the watch list, the alert) must appear once';
    case 'policy:ladder_duplicate_step':
      return zh ? '这个步骤重复了' : 'this step appears twice';
    case 'policy:ladder_out_of_order':
      return zh ? '步骤的天数需要依次递增：第一次提醒、第二次提醒、关注名单、失联提醒' : 'days must increase in order: first nudge, second nudge, watch list, alert';
    case 'policy:ladder_day_out_of_range':
      return zh ? '天数需在 0 到 180 之间' : 'the day must be between 0 and 180';
    case 'policy:quiet_period_invalid':
      return zh ? '请填写名称，并确认开始日期不晚于结束日期' : 'give it a name and make sure it starts on or before the day it ends';
    case 'policy:quiet_period_too_long':
      return zh ? '一个暂停期最长 62 天' : 'a quiet period can last at most 62 days';
    case 'policy:exam_entry_invalid':
      return zh ? '请填写名称和省份，考试日期需在出分日之前，且年份与考试日期一致' : 'give a name and province; the exam days must come before results day, in the year given';
    case 'policy:retention_out_of_range':
      return zh ? '学生资料保留期需在 12 到 120 个月之间' : 'the retention period must be between 12 and 120 months';
    case 'payment:required':
      return zh ? '请填写这一项（银行账户需要户名、开户行和账号；联系人需要姓名和电话或邮箱）' : 'fill this in (a bank account needs its name, bank and number; a contact needs a name and a phone or e-mail)';
    case 'payment:too_long':
      return zh ? '内容太长了' : 'this is too long';
    case 'payment:account_number':
      return zh ? '账号应为 8 到 32 位数字（可用空格分组）' : 'an account number has 8 to 32 digits (spaces between groups are fine)';
    case 'payment:phone':
      return zh ? '请填写手机号、带区号的座机号或 400/800 电话' : 'give a mobile number, a landline with its area code, or a 400/800 number';
    case 'payment:email':
      return zh ? '邮箱格式不正确' : 'this is not a valid e-mail address';
    case 'payment:credit_code_length':
      return zh ? '统一社会信用代码应为 18 位（数字和大写字母）' : 'a unified social credit code has 18 characters (digits and capital letters)';
    case 'payment:credit_code_character':
      return zh ? '含有不会出现在统一社会信用代码里的字符（代码不使用 I、O、S、V、Z）' : 'contains a character a unified social credit code never uses (it has no I, O, S, V or Z)';
    case 'payment:credit_code_check':
      return zh ? '最后一位校验码对不上，请对照登记证书逐位核对' : 'the last (check) character does not match; compare each character with the registration certificate';
    case 'merchant:required':
      return zh ? '请填写这一项' : 'fill this in';
    case 'merchant:mch_id':
      return zh ? '商户号应为 8 到 12 位数字，可在微信支付商户平台“账户中心”查看' : 'a merchant number (mchid) has 8 to 12 digits; see Account Centre in the WeChat Pay merchant platform';
    case 'merchant:serial_no':
      return zh ? '证书序列号应为十六进制字符（0–9、A–F），可在商户平台“API 安全”里查看' : 'the certificate serial number is hexadecimal (0–9, A–F); see API Security in the merchant platform';
    case 'merchant:apiv3_key':
      return zh ? 'APIv3 密钥应为 32 位字母或数字，与商户平台“API 安全”里设置的一致' : 'the APIv3 key has exactly 32 letters or digits, as set under API Security in the merchant platform';
    case 'merchant:private_key_unreadable':
      return zh ? '读不出这个私钥。请粘贴完整的私钥文件内容（如 apiclient_key.pem），包括 BEGIN 和 END 两行' : 'this private key cannot be read; paste the whole key file (e.g. apiclient_key.pem), including the BEGIN and END lines';
    case 'merchant:private_key_not_rsa':
      return zh ? '这不是 RSA 私钥。微信支付和支付宝都使用 RSA 密钥' : 'this is not an RSA private key; WeChat Pay and Alipay both use RSA keys';
    case 'merchant:private_key_too_short':
      return zh ? '这个私钥太短了，需要至少 2048 位的 RSA 密钥' : 'this key is too short; an RSA key of at least 2048 bits is needed';
    case 'merchant:private_key_is_public':
      return zh ? '这是公钥或证书，不是私钥。请粘贴私钥文件（如 apiclient_key.pem 或应用私钥）' : 'this is a public key or certificate, not a private key; paste the private key file (e.g. apiclient_key.pem or the app private key)';
    case 'merchant:platform_keys_missing':
      return zh ? '至少需要一个微信支付平台证书或微信支付公钥，用来核验付款通知' : 'at least one WeChat Pay platform certificate or WeChat Pay public key is needed to check payment notices';
    case 'merchant:platform_key_unreadable':
      return zh ? '读不出这个证书或公钥。请粘贴完整内容，包括 BEGIN 和 END 两行' : 'this certificate or public key cannot be read; paste all of it, including the BEGIN and END lines';
    case 'merchant:platform_key_expired':
      return zh ? '这个平台证书已经过期，请在商户平台下载新的证书' : 'this platform certificate has expired; download the new one from the merchant platform';
    case 'merchant:platform_key_is_own':
      return zh ? '这是你们商户自己的证书或公钥，不是微信支付的。请粘贴微信支付平台证书或微信支付公钥' : "this is your merchant's own certificate or key, not WeChat Pay's; paste the WeChat Pay platform certificate or the WeChat Pay public key";
    case 'merchant:platform_key_id_mismatch':
      return zh ? '编号与证书的序列号不一致；证书可以不填编号，会自动使用它的序列号' : "the id differs from the certificate's serial number; leave it empty and the serial number is used";
    case 'merchant:public_key_id':
      return zh ? '微信支付公钥的编号以 PUB_KEY_ID_ 开头，可在商户平台“API 安全”里查看' : 'a WeChat Pay public key id starts with PUB_KEY_ID_; see API Security in the merchant platform';
    case 'merchant:platform_key_duplicate':
      return zh ? '这个证书或公钥已经填过了' : 'this certificate or key is already listed';
    case 'merchant:app_id':
      return zh ? '支付宝应用的 APPID 是 16 位数字，可在支付宝开放平台查看' : 'an Alipay app id has 16 digits; see the Alipay open platform';
    case 'merchant:alipay_public_key_unreadable':
      return zh ? '读不出这个支付宝公钥。请从开放平台复制“支付宝公钥”（不是应用公钥）' : "this Alipay public key cannot be read; copy the Alipay public key (支付宝公钥, not the app's public key) from the open platform";
    case 'merchant:alipay_public_key_is_app_key':
      return zh ? '这是应用公钥（与应用私钥配对），不是支付宝公钥。请复制旁边的“支付宝公钥”' : "this is the app's own public key (it pairs with the app private key), not Alipay's; copy the Alipay public key shown next to it";
    case 'merchant:seller_id':
      return zh ? '支付宝商户 ID 是以 2088 开头的 16 位数字' : 'an Alipay seller id has 16 digits starting with 2088';
    case 'merchant:app_auth_token':
      return zh ? '授权令牌 app_auth_token 格式不对，请从授权结果中完整复制' : 'the app_auth_token does not look right; copy it whole from the authorisation result';
    case 'merchant:provider_unavailable':
      return zh ? '本服务没有配置微信支付服务商，不能使用子商户模式。请选择普通商户，或联系平台运营方' : 'this service has no WeChat Pay service provider, so sub-merchant mode cannot be used; choose direct mode or ask the operator';
    case 'merchant:alipay_app_unavailable':
      return zh ? '本服务没有配置自己的支付宝应用，不能使用授权模式。请使用机构自己的应用，或联系平台运营方' : "this service has no Alipay app of its own, so authorised mode cannot be used; use your organisation's own app or ask the operator";
    case 'policy:too_many_entries':
      return zh ? '条目太多（最多 40 条）' : 'too many entries (40 at most)';
    default:
      return zh ? '取值无效' : 'is not valid';
  }
}
